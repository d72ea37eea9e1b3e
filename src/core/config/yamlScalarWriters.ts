import { lineBreakChars } from './yamlScalarAnalysis';
import { type YamlWriter } from './yamlWriter';

/*
 * The three scalar styles the emitter uses, with PyYAML 6's exact line folding: once the
 * column passes the best width (80), the writer breaks the line at the next single space
 * (plain, single-quoted) or at a space or escape (double-quoted, with a `\` continuation).
 * `split` is false for simple mapping keys, which never fold.
 */

function writeSlice(writer: YamlWriter, chars: readonly string[], start: number, end: number): void {
	if (start < end) {
		writer.writeRaw(chars.slice(start, end).join(''), end - start);
	}
}

/** A plain scalar; never multi-line, since the analysis forbids plain style for line breaks. */
export function writePlain(writer: YamlWriter, chars: readonly string[], split: boolean, rootContext: boolean): void {
	if (rootContext) {
		writer.openEnded = true;
	}
	if (chars.length === 0) {
		return;
	}
	if (!writer.whitespace) {
		writer.writeRaw(' ', 1);
	}
	writer.whitespace = false;
	writer.indention = false;
	let spaces = false;
	let start = 0;
	for (let end = 0; end <= chars.length; end++) {
		const char: string | undefined = chars[end];
		if (spaces) {
			if (char !== ' ') {
				if (start + 1 === end && writer.column > writer.bestWidth && split) {
					writer.writeIndent();
					writer.whitespace = false;
					writer.indention = false;
				} else {
					writeSlice(writer, chars, start, end);
				}
				start = end;
			}
		} else if (char === undefined || char === ' ') {
			writeSlice(writer, chars, start, end);
			start = end;
		}
		spaces = char === ' ';
	}
}

/** A single-quoted scalar: `'` doubled, line breaks written as folded (doubled) breaks. */
export function writeSingleQuoted(writer: YamlWriter, chars: readonly string[], split: boolean): void {
	writer.writeIndicator('\'', true);
	let spaces = false;
	let breaks = false;
	let start = 0;
	for (let end = 0; end <= chars.length; end++) {
		const char: string | undefined = chars[end];
		if (spaces) {
			if (char !== ' ') {
				if (start + 1 === end && writer.column > writer.bestWidth && split && start !== 0 && end !== chars.length) {
					writer.writeIndent();
				} else {
					writeSlice(writer, chars, start, end);
				}
				start = end;
			}
		} else if (breaks) {
			if (char === undefined || !lineBreakChars.includes(char)) {
				if (chars[start] === '\n') {
					writer.writeLineBreak();
				}
				for (const lineBreak of chars.slice(start, end)) {
					writer.writeLineBreak(lineBreak);
				}
				writer.writeIndent();
				start = end;
			}
		} else if (char === undefined || char === ' ' || char === '\'' || lineBreakChars.includes(char)) {
			writeSlice(writer, chars, start, end);
			start = end;
		}
		if (char === '\'') {
			writer.writeRaw('\'\'', 2);
			start = end + 1;
		}
		if (char !== undefined) {
			spaces = char === ' ';
			breaks = lineBreakChars.includes(char);
		}
	}
	writer.writeIndicator('\'', false);
}

const namedEscapes = new Map<string, string>([
	['\0', '0'], ['\x07', 'a'], ['\x08', 'b'], ['\t', 't'], ['\n', 'n'], ['\x0b', 'v'], ['\x0c', 'f'],
	['\r', 'r'], ['\x1b', 'e'], ['"', '"'], ['\\', '\\'], ['\x85', 'N'], ['\xa0', '_'], ['\u2028', 'L'], ['\u2029', 'P'],
]);

/** A character written as-is inside double quotes (printable, with `allow_unicode`; astral characters are escaped). */
function isUnescaped(char: string): boolean {
	if (char === '"' || char === '\\') {
		return false;
	}
	const code = char.codePointAt(0) ?? 0;
	if (code === 0x2028 || code === 0x2029 || code === 0xfeff) {
		return false;
	}
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd);
}

function escapeChar(char: string): string {
	const named = namedEscapes.get(char);
	if (named !== undefined) {
		return '\\' + named;
	}
	const code = char.codePointAt(0) ?? 0;
	const hex = code.toString(16).toUpperCase();
	if (code <= 0xff) {
		return '\\x' + hex.padStart(2, '0');
	}
	return code <= 0xffff ? '\\u' + hex.padStart(4, '0') : '\\U' + hex.padStart(8, '0');
}

/** A double-quoted scalar, the only style that can carry every string. */
export function writeDoubleQuoted(writer: YamlWriter, chars: readonly string[], split: boolean): void {
	writer.writeIndicator('"', true);
	let start = 0;
	for (let end = 0; end <= chars.length; end++) {
		const char: string | undefined = chars[end];
		if (char === undefined || !isUnescaped(char)) {
			writeSlice(writer, chars, start, end);
			start = end;
			if (char !== undefined) {
				const escaped = escapeChar(char);
				writer.writeRaw(escaped, escaped.length);
				start = end + 1;
			}
		}
		if (end > 0 && end < chars.length - 1 && (char === ' ' || start >= end)
			&& writer.column + (end - start) > writer.bestWidth && split) {
			const pending = start < end ? chars.slice(start, end).join('') : '';
			writer.writeRaw(pending + '\\', Math.max(end - start, 0) + 1);
			start = Math.max(start, end);
			writer.writeIndent();
			writer.whitespace = false;
			writer.indention = false;
			if (chars[start] === ' ') {
				writer.writeRaw('\\', 1);
			}
		}
	}
	writer.writeIndicator('"', false);
}
