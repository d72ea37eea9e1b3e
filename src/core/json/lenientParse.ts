import { type JsonNode, type JsonObject, JsonNumber } from './jsonValue';
import { Char, describe, isDigit, JsonTokenScanner, ParseFailure } from './lenientTokens';

/** Where and why a document could not be parsed. `offset` counts UTF-16 code units from the start of the text (BOM included); `line` and `column` are 1-based. */
export interface JsonParseError {
	readonly message: string;
	readonly offset: number;
	readonly line: number;
	readonly column: number;
}

/**
 * The outcome of {@link parseLenient}: the document, plus the JSON-pointer paths (`/tags`,
 * `/best_metrics/val_iou`) of every key that was written more than once; or the first error.
 */
export type ParseResult =
	| { readonly ok: true; readonly value: JsonNode; readonly duplicateKeys: string[] }
	| { readonly ok: false; readonly error: JsonParseError };

/** Options for {@link parseLenient}. */
export interface ParseOptions {
	/** The deepest nesting of arrays and objects accepted (default 512); deeper input is an error, never a stack overflow. */
	readonly maxDepth?: number;
}

/** The default nesting limit of {@link parseLenient}. */
export const defaultMaxDepth = 512;

interface Frame {
	readonly container: JsonNode[] | JsonObject;
	/** The key whose value is being read, for an object frame. */
	key: string;
}

const literals: ReadonlyArray<readonly [string, () => JsonNode]> = [
	['true', () => true], ['false', () => false], ['null', () => null],
	['NaN', () => new JsonNumber('NaN')], ['Infinity', () => new JsonNumber('Infinity')], ['-Infinity', () => new JsonNumber('-Infinity')],
];

/**
 * Parses JSON the way Python's `json.loads` does: RFC 8259 plus bare `NaN`, `Infinity` and
 * `-Infinity`; control characters inside strings are rejected; a leading BOM is skipped.
 * Number tokens are kept verbatim ({@link JsonNumber}); a duplicated key keeps its first
 * position and its last value. Never throws: every problem comes back as `ok: false`.
 */
export function parseLenient(text: string, options?: ParseOptions): ParseResult {
	const parser = new LenientParser(text, options?.maxDepth ?? defaultMaxDepth);
	try {
		return { ok: true, value: parser.parseDocument(), duplicateKeys: parser.duplicateKeys };
	} catch (error) {
		const failure = error instanceof ParseFailure ? error : new ParseFailure(`Could not parse the document (${String(error)})`, parser.pos);
		return { ok: false, error: locate(text, failure) };
	}
}

function locate(text: string, failure: ParseFailure): JsonParseError {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < failure.offset; index = text.indexOf('\n', index + 1)) {
		line++;
		lineStart = index + 1;
	}
	const column = failure.offset - lineStart + 1;
	const hint = failure.truncated ? ' (the file looks truncated)' : '';
	return { message: `${failure.message} at line ${line}, column ${column}${hint}`, offset: failure.offset, line, column };
}

function pointerSegment(segment: string): string {
	return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

class LenientParser extends JsonTokenScanner {
	readonly duplicateKeys: string[] = [];
	private readonly stack: Frame[] = [];

	constructor(text: string, private readonly maxDepth: number) {
		super(text);
	}

	parseDocument(): JsonNode {
		if (this.text.charCodeAt(0) === Char.Bom) {
			this.pos = 1;
		}
		this.skipWhitespace();
		if (this.pos >= this.text.length) {
			throw new ParseFailure('The document is empty (no JSON value)', this.pos);
		}
		const value = this.parseNested();
		this.skipWhitespace();
		if (this.pos < this.text.length) {
			this.fail(`Unexpected ${describe(this.text, this.pos)} after the end of the JSON document`);
		}
		return value;
	}

	/** Reads one value with an explicit stack of open containers, so depth costs heap, not call stack. */
	private parseNested(): JsonNode {
		const stack = this.stack;
		for (;;) {
			let value = this.parseValueOrOpen();
			if (value === undefined) {
				continue;
			}
			for (;;) {
				const frame = stack[stack.length - 1];
				if (frame === undefined) {
					return value;
				}
				const isArray = Array.isArray(frame.container);
				if (isArray) {
					(frame.container as JsonNode[]).push(value);
				} else {
					this.setProperty(frame, value);
				}
				this.skipWhitespace();
				const code = this.text.charCodeAt(this.pos);
				if (code === Char.Comma) {
					this.pos++;
					if (!isArray) {
						frame.key = this.parseKey();
					}
					break;
				}
				if (code === (isArray ? Char.RightBracket : Char.RightBrace)) {
					this.pos++;
					stack.pop();
					value = frame.container;
					continue;
				}
				this.fail(isArray ? `Expected ',' or ']' after an array item but found ${describe(this.text, this.pos)}` : `Expected ',' or '}' after a property but found ${describe(this.text, this.pos)}`);
			}
		}
	}

	private setProperty(frame: Frame, value: JsonNode): void {
		const object = frame.container as JsonObject;
		const size = object.size;
		// A set that does not grow the map replaced an earlier value: a duplicate key (one lookup instead of has + set).
		if (object.set(frame.key, value).size === size) {
			this.duplicateKeys.push(this.stack.map((each) => '/' + pointerSegment(Array.isArray(each.container) ? String(each.container.length) : each.key)).join(''));
		}
	}

	/** Returns a complete value, or undefined after opening a non-empty container (pushed on the stack). */
	private parseValueOrOpen(): JsonNode | undefined {
		this.skipWhitespace();
		const code = this.text.charCodeAt(this.pos);
		if (code === Char.LeftBracket || code === Char.LeftBrace) {
			if (this.stack.length >= this.maxDepth) {
				this.fail(`Nesting deeper than ${this.maxDepth} levels`);
			}
			this.pos++;
			this.skipWhitespace();
			const isArray = code === Char.LeftBracket;
			const container = isArray ? [] : new Map<string, JsonNode>();
			if (this.text.charCodeAt(this.pos) === (isArray ? Char.RightBracket : Char.RightBrace)) {
				this.pos++;
				return container;
			}
			this.stack.push({ container, key: isArray ? '' : this.parseKey() });
			return undefined;
		}
		if (code === Char.Quote) {
			return this.parseString();
		}
		if (isDigit(code) || (code === Char.Minus && isDigit(this.text.charCodeAt(this.pos + 1)))) {
			return this.parseNumber();
		}
		return this.parseLiteral(code);
	}

	private parseLiteral(code: number): JsonNode {
		for (const [word, make] of literals) {
			if (this.text.startsWith(word, this.pos)) {
				this.pos += word.length;
				return make();
			}
		}
		const top = this.stack[this.stack.length - 1];
		if (code === Char.RightBracket && top !== undefined && Array.isArray(top.container)) {
			this.fail(`A trailing comma before ']' is not allowed`);
		}
		const rest = this.text.slice(this.pos, this.pos + 20);
		if (literals.some(([word]) => rest.length < word.length && word.startsWith(rest))) {
			this.fail('', this.text.length);
		}
		if (code === Char.Minus) {
			this.fail(`Expected a digit after '-'`, this.pos + 1);
		}
		const token = /^[\w+\-.]{2,20}/.exec(rest);
		this.fail(`Expected a JSON value (string, number, object, array, true, false, null, NaN or Infinity) but found ${token === null ? describe(this.text, this.pos) : `'${token[0]}'`}`);
	}

	private parseKey(): string {
		this.skipWhitespace();
		const code = this.text.charCodeAt(this.pos);
		if (code !== Char.Quote) {
			this.fail(code === Char.RightBrace ? `A trailing comma before '}' is not allowed` : `Expected a property name in double quotes but found ${describe(this.text, this.pos)}`);
		}
		const key = this.parseString();
		this.skipWhitespace();
		if (this.text.charCodeAt(this.pos) !== Char.Colon) {
			this.fail(`Expected ':' after the property name ${JSON.stringify(key)} but found ${describe(this.text, this.pos)}`);
		}
		this.pos++;
		return key;
	}
}
