import { type JsonNode, isJsonNumber, isJsonObject } from '../json/jsonValue';
import { pythonFloatRepr } from '../json/pythonFloat';

/**
 * Python's `str()` of a JSON-like value, as ExperimentManager stores a run's config in
 * `experiment_info.json` (`{'training': {'epochs': 10, 'amp': False}}`): single-quoted
 * strings, True/False/None, Python's float repr.
 */
export function pythonRepr(node: JsonNode): string {
	if (node === null) {
		return 'None';
	}
	if (typeof node === 'boolean') {
		return node ? 'True' : 'False';
	}
	if (typeof node === 'string') {
		return reprString(node);
	}
	if (isJsonNumber(node)) {
		if (node.isInteger) {
			return BigInt(node.text).toString();
		}
		const value = node.value;
		return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : pythonFloatRepr(value);
	}
	if (Array.isArray(node)) {
		return `[${node.map(pythonRepr).join(', ')}]`;
	}
	if (isJsonObject(node)) {
		return `{${[...node].map(([key, value]) => `${reprString(key)}: ${pythonRepr(value)}`).join(', ')}}`;
	}
	return String(node);
}

// What str.isprintable() rejects: controls, format, surrogates, private use, unassigned, separators but space.
const notPrintable = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

/** `repr(str)`: single quotes unless the text holds `'` and no `"`. */
function reprString(text: string): string {
	const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
	let out = quote;
	for (const char of text) {
		out += escapeChar(char, quote);
	}
	return out + quote;
}

function escapeChar(char: string, quote: string): string {
	switch (char) {
		case '\\': return '\\\\';
		case '\n': return '\\n';
		case '\r': return '\\r';
		case '\t': return '\\t';
		case quote: return `\\${quote}`;
	}
	if (!notPrintable.test(char)) {
		return char;
	}
	const code = char.codePointAt(0)!;
	if (code < 0x100) {
		return `\\x${code.toString(16).padStart(2, '0')}`;
	}
	return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
}
