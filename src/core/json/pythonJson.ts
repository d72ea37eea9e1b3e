import { type JsonNode, type JsonObject, JsonNumber } from './jsonValue';

/** Options for {@link dumpPythonJson}. */
export interface PythonJsonOptions {
	/** Python's `ensure_ascii` (default true): every character outside U+0020..U+007E is written as a lowercase `\uXXXX` escape. */
	readonly ensureAscii?: boolean;
	/** Spaces per nesting level (default 2), as Python's `indent`. */
	readonly indent?: number;
}

const shortEscapes = new Map<number, string>([
	[0x22, '\\"'], [0x5c, '\\\\'], [0x0a, '\\n'], [0x0d, '\\r'], [0x09, '\\t'], [0x08, '\\b'], [0x0c, '\\f'],
]);

/** Fast pre-checks: anything but printable ASCII other than `"` and `\\` (with ensure_ascii), or C0 controls, `"` and `\\` (without). */
const asciiUnsafe = /[^ !#-[\]-~]/;
const unicodeUnsafe = /[^ !#-[\]-\uffff]/;

function needsEscape(code: number, ensureAscii: boolean): boolean {
	return code < 0x20 || code === 0x22 || code === 0x5c || (ensureAscii && code > 0x7e);
}

/**
 * A JSON string literal exactly as Python's `json` writes it. Works on UTF-16 code units, so an
 * astral character becomes its surrogate pair and a lone surrogate its own `\udXXX`, as in Python.
 */
export function quotePythonString(text: string, ensureAscii = true): string {
	if (!(ensureAscii ? asciiUnsafe : unicodeUnsafe).test(text)) {
		return `"${text}"`;
	}
	let start = 0;
	let parts: string[] | undefined;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (needsEscape(code, ensureAscii)) {
			(parts ??= ['"']).push(text.slice(start, index), shortEscapes.get(code) ?? `\\u${code.toString(16).padStart(4, '0')}`);
			start = index + 1;
		}
	}
	if (parts === undefined) {
		return `"${text}"`;
	}
	parts.push(text.slice(start), '"');
	return parts.join('');
}

/**
 * Serializes a document byte for byte as CPython 3.11's `json.dumps(obj, indent=2)` does
 * (`ensure_ascii` on by default): `",\n"` and `": "` separators, a newline and the indent per
 * level, `[]` and `{}` for empty containers, no trailing newline. Number tokens are written
 * verbatim, so Python-written files (and tokens from `pythonNumber`) round-trip exactly; keys
 * keep their Map order. Throws TypeError for a value that is not a {@link JsonNode}. Recurses once
 * per nesting level, so it is meant for documents within `parseLenient`'s default depth limit.
 */
export function dumpPythonJson(node: JsonNode, options?: PythonJsonOptions): string {
	const writer = new PythonJsonWriter(options?.ensureAscii ?? true, ' '.repeat(options?.indent ?? 2));
	writer.write(node, 0);
	return writer.out;
}

class PythonJsonWriter {
	out = '';
	/** `newlines[depth]` is a newline plus the indent of that depth. */
	private readonly newlines: string[] = ['\n'];

	constructor(private readonly ensureAscii: boolean, private readonly unit: string) {}

	private newlineAt(depth: number): string {
		return (this.newlines[depth] ??= '\n' + this.unit.repeat(depth));
	}

	write(value: JsonNode, depth: number): void {
		if (typeof value === 'string') {
			this.out += quotePythonString(value, this.ensureAscii);
		} else if (value instanceof JsonNumber) {
			this.out += value.text;
		} else if (value === null || typeof value === 'boolean') {
			this.out += value === null ? 'null' : value ? 'true' : 'false';
		} else if (Array.isArray(value)) {
			this.writeArray(value, depth);
		} else if (value instanceof Map) {
			this.writeObject(value, depth);
		} else {
			throw new TypeError(`Cannot write ${typeof value} as JSON: expected a JsonNode`);
		}
	}

	private writeArray(items: JsonNode[], depth: number): void {
		if (items.length === 0) {
			this.out += '[]';
			return;
		}
		const inner = this.newlineAt(depth + 1);
		for (let index = 0; index < items.length; index++) {
			this.out += index === 0 ? '[' + inner : ',' + inner;
			this.write(items[index], depth + 1);
		}
		this.out += this.newlineAt(depth) + ']';
	}

	private writeObject(object: JsonObject, depth: number): void {
		if (object.size === 0) {
			this.out += '{}';
			return;
		}
		const inner = this.newlineAt(depth + 1);
		let separator = '{' + inner;
		for (const [key, item] of object) {
			this.out += separator + quotePythonString(key, this.ensureAscii) + ': ';
			this.write(item, depth + 1);
			separator = ',' + inner;
		}
		this.out += this.newlineAt(depth) + '}';
	}
}
