import { JsonNumber } from './jsonValue';

/** A parse error on its way out of the scanner; `truncated` marks one caused by the end of the text. */
export class ParseFailure extends Error {
	constructor(message: string, readonly offset: number, readonly truncated = false) {
		super(message);
	}
}

/** Character codes the scanner compares against. */
export const enum Char {
	Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
	Zero = 48, Nine = 57, Colon = 58, UpperE = 69, LeftBracket = 91, Backslash = 92, RightBracket = 93,
	LowerE = 101, LowerU = 117, LeftBrace = 123, RightBrace = 125, Bom = 0xfeff,
}

const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Names the character at `pos` for an error message: `'x'` when printable ASCII, `U+XXXX` otherwise. */
export function describe(text: string, pos: number): string {
	const code = text.charCodeAt(pos);
	return code > 0x20 && code < 0x7f ? `'${text[pos]}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True for an ASCII digit (Python's scanner accepts no other digits). */
export function isDigit(code: number): boolean {
	return code >= Char.Zero && code <= Char.Nine;
}

/**
 * The token level of the lenient parser: whitespace, strings, escapes and numbers, read with
 * `charCodeAt` and sliced out of the text in one piece wherever possible.
 */
export class JsonTokenScanner {
	/** The current offset in `text`, in UTF-16 code units. */
	pos = 0;

	constructor(protected readonly text: string) {}

	/** Throws the failure, or an end-of-file failure when the offending position is past the end. */
	protected fail(message: string, offset = this.pos): never {
		if (offset >= this.text.length) {
			throw new ParseFailure('Unexpected end of file', this.text.length, true);
		}
		throw new ParseFailure(message, offset);
	}

	/** Advances past JSON whitespace (space, tab, CR, LF; nothing else, as in Python). */
	protected skipWhitespace(): void {
		const text = this.text;
		let pos = this.pos;
		for (let code = text.charCodeAt(pos); code === Char.Space || code === Char.LineFeed || code === Char.CarriageReturn || code === Char.Tab; code = text.charCodeAt(++pos)) {
			// Only advancing.
		}
		this.pos = pos;
	}

	/** Reads the string whose opening quote is at `pos`; escape-free runs are sliced, not copied per character. */
	protected parseString(): string {
		const text = this.text;
		let pos = this.pos + 1;
		let chunkStart = pos;
		let parts: string[] | undefined;
		for (;;) {
			const code = text.charCodeAt(pos);
			if (code === Char.Quote) {
				const tail = text.slice(chunkStart, pos);
				this.pos = pos + 1;
				return parts === undefined ? tail : parts.join('') + tail;
			}
			if (code === Char.Backslash) {
				(parts ??= []).push(text.slice(chunkStart, pos));
				parts.push(this.parseEscape(pos));
				pos += text.charCodeAt(pos + 1) === Char.LowerU ? 6 : 2;
				chunkStart = pos;
			} else if (code < Char.Space || Number.isNaN(code)) {
				this.fail(`Invalid control character ${describe(text, pos)} inside a string (write it as an escape such as \\n)`, pos);
			} else {
				pos++;
			}
		}
	}

	private parseEscape(pos: number): string {
		const letter = this.text[pos + 1];
		if (letter === 'u') {
			const hex = this.text.slice(pos + 2, pos + 6);
			if (/^[0-9a-fA-F]{4}$/.test(hex)) {
				return String.fromCharCode(parseInt(hex, 16));
			}
			this.fail(`Invalid \\u escape (expected 4 hex digits)`, pos + 6 > this.text.length && /^[0-9a-fA-F]*$/.test(hex) ? this.text.length : pos);
		}
		const decoded = letter === undefined ? undefined : escapes[letter];
		if (decoded === undefined) {
			this.fail(`Invalid escape ${letter === undefined ? '' : `'\\${letter}' `}inside a string`, letter === undefined ? pos + 1 : pos);
		}
		return decoded;
	}

	/** Reads a number token (Python's grammar: `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`) and keeps its text. */
	protected parseNumber(): JsonNumber {
		const text = this.text;
		const start = this.pos;
		let pos = text.charCodeAt(start) === Char.Minus ? start + 1 : start;
		if (text.charCodeAt(pos) === Char.Zero) {
			pos++;
			if (isDigit(text.charCodeAt(pos))) {
				this.fail('Numbers cannot have leading zeros', pos);
			}
		}
		while (isDigit(text.charCodeAt(pos))) {
			pos++;
		}
		if (text.charCodeAt(pos) === Char.Dot) {
			if (!isDigit(text.charCodeAt(++pos))) {
				this.fail('Expected a digit after the decimal point', pos);
			}
			while (isDigit(text.charCodeAt(pos))) {
				pos++;
			}
		}
		const exponent = text.charCodeAt(pos);
		if (exponent === Char.LowerE || exponent === Char.UpperE) {
			const sign = text.charCodeAt(++pos);
			if (sign === Char.Plus || sign === Char.Minus) {
				pos++;
			}
			if (!isDigit(text.charCodeAt(pos))) {
				this.fail('Expected a digit in the exponent', pos);
			}
			while (isDigit(text.charCodeAt(pos))) {
				pos++;
			}
		}
		this.pos = pos;
		return new JsonNumber(text.slice(start, pos));
	}
}
