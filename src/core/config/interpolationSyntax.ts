/**
 * Parses OmegaConf 2.1–2.3 config strings: literal text, `${a.b[0]}` node interpolations
 * (relative `${..x}` and nested `${a.${k}}` included), escapes (`\${` is a literal `${`; an
 * even run of backslashes before an interpolation is halved) and resolver calls
 * (`${oc.env:X}`), which are reported rather than parsed, since they cannot be reproduced.
 */

/** One piece of an interpolation's key path: a dot, a bracket, a key name, or a nested interpolation. */
export type KeyPiece = { readonly text: string } | { readonly nested: Interpolation };

/** A `${...}` node interpolation, as the pieces of its key path in source order. */
export interface Interpolation {
	readonly source: string;
	readonly pieces: readonly KeyPiece[];
}

/** A part of a config string: literal text (escapes already applied) or an interpolation. */
export type StringPart = { readonly literal: string } | { readonly interpolation: Interpolation };

/** The parsed string, or why OmegaConf would refuse it. */
export type ParsedConfigString =
	| { readonly ok: true; readonly parts: readonly StringPart[] }
	| { readonly ok: false; readonly error: string };

class SyntaxFailure extends Error {}

// OmegaConf's INTER_KEY token: any run of characters that are not special inside `${...}`.
const keyToken = /[^\\{}()[\]:. \t'"]+/y;
const spaces = /[ \t]*/y;
const resolverName = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

class InterpolationParser {
	position = 0;

	constructor(private readonly text: string) {}

	private skipSpaces(from: number): number {
		spaces.lastIndex = from;
		spaces.test(this.text);
		return spaces.lastIndex;
	}

	/** Parses `${...}` starting at the current position (which holds `${`). */
	parseInterpolation(): Interpolation {
		const start = this.position;
		this.position = this.skipSpaces(start + 2);
		const pieces: KeyPiece[] = [];
		while (this.text[this.position] === '.') {
			pieces.push({ text: '.' });
			this.position++;
		}
		this.parseKeyOrBracket(pieces);
		for (;;) {
			const char = this.text[this.position];
			if (char === '.') {
				pieces.push({ text: '.' });
				this.position++;
				pieces.push(this.parseKey());
			} else if (char === '[') {
				this.parseKeyOrBracket(pieces);
			} else {
				const next = this.skipSpaces(this.position);
				const source = this.text.slice(start, next + 1);
				if (this.text[next] === '}') {
					this.position = next + 1;
					return { source, pieces };
				}
				if (this.text[next] === ':') {
					const name = this.text.slice(this.skipSpaces(start + 2), this.position);
					throw new SyntaxFailure(resolverName.test(name)
						? `it calls the resolver '${name}' (\${${name}:...}), whose result cannot be reproduced outside Python`
						: `'${source}' is not a valid interpolation`);
				}
				throw new SyntaxFailure(`'${this.text.slice(start, next + 1)}' is not a valid interpolation (unexpected ${next < this.text.length ? `'${this.text[next]}'` : 'end of text'})`);
			}
		}
	}

	private parseKeyOrBracket(pieces: KeyPiece[]): void {
		if (this.text[this.position] !== '[') {
			pieces.push(this.parseKey());
			return;
		}
		this.position++;
		pieces.push({ text: '[' }, this.parseKey());
		if (this.text[this.position] !== ']') {
			throw new SyntaxFailure(`an interpolation in '${this.text}' has an unclosed '['`);
		}
		this.position++;
		pieces.push({ text: ']' });
	}

	private parseKey(): KeyPiece {
		if (this.text.startsWith('${', this.position)) {
			return { nested: this.parseInterpolation() };
		}
		keyToken.lastIndex = this.position;
		const match = keyToken.exec(this.text);
		if (match === null) {
			const found = this.position < this.text.length ? `'${this.text[this.position]}'` : 'the end of the text';
			throw new SyntaxFailure(`an interpolation in '${this.text}' expects a key but finds ${found}`);
		}
		this.position = keyToken.lastIndex;
		return { text: match[0] };
	}
}

/** Splits a config string into literal text and interpolations, as OmegaConf's grammar does. */
export function parseConfigString(text: string): ParsedConfigString {
	const parser = new InterpolationParser(text);
	const parts: StringPart[] = [];
	let literal = '';
	try {
		while (parser.position < text.length) {
			const position = parser.position;
			if (text.startsWith('${', position)) {
				if (literal !== '') {
					parts.push({ literal });
					literal = '';
				}
				parts.push({ interpolation: parser.parseInterpolation() });
			} else if (text[position] === '\\') {
				let end = position;
				while (text[end] === '\\') {
					end++;
				}
				const run = end - position;
				const beforeInterpolation = text.startsWith('${', end);
				if (beforeInterpolation && run % 2 === 1) {
					literal += '\\'.repeat((run - 1) / 2) + '${';
					parser.position = end + 2;
				} else {
					literal += '\\'.repeat(beforeInterpolation ? run / 2 : run);
					parser.position = end;
				}
			} else {
				literal += text[position];
				parser.position++;
			}
		}
	} catch (error) {
		return { ok: false, error: error instanceof SyntaxFailure ? error.message : String(error) };
	}
	if (literal !== '') {
		parts.push({ literal });
	}
	return { ok: true, parts };
}
