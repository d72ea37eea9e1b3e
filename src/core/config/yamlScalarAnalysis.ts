/**
 * Which YAML scalar styles can carry a given string, decided exactly as PyYAML 6's
 * `Emitter.analyze_scalar` does with `allow_unicode=True`. Strings are handled as arrays of
 * code points, because PyYAML counts and inspects Python characters, not UTF-16 units.
 */
export interface ScalarAnalysis {
	/** The string, one code point per element. */
	readonly chars: readonly string[];
	readonly empty: boolean;
	/** Contains a line break (`\n`, `\x85`, `\u2028`, `\u2029`). */
	readonly multiline: boolean;
	readonly allowBlockPlain: boolean;
	readonly allowSingleQuoted: boolean;
}

/** Line breaks as the YAML 1.1 emitter knows them. */
export const lineBreakChars = '\n\x85\u2028\u2029';
const whitespaceAround = '\0 \t\r\n\x85\u2028\u2029';

/** A character that may appear unescaped in a YAML stream written with `allow_unicode`. */
function isPrintable(char: string): boolean {
	if (char === '\n' || (char >= '\x20' && char <= '\x7e')) {
		return true;
	}
	const code = char.codePointAt(0) ?? 0;
	return code !== 0xfeff && (code === 0x85 || (code >= 0xa0 && code <= 0xd7ff)
		|| (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code < 0x10ffff));
}

/** Scans `text` once and reports which styles PyYAML would allow for it. */
export function analyzeScalar(text: string): ScalarAnalysis {
	const chars = Array.from(text);
	if (chars.length === 0) {
		return { chars, empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true };
	}
	let blockIndicators = text.startsWith('---') || text.startsWith('...');
	let lineBreaks = false;
	let specialCharacters = false;
	let leadingSpaceOrBreak = false;
	let trailingSpace = false;
	let trailingBreak = false;
	let breakSpace = false;
	let spaceBreak = false;
	let previousSpace = false;
	let previousBreak = false;
	let precededByWhitespace = true;
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index];
		const next = chars[index + 1];
		const followedByWhitespace = next === undefined || whitespaceAround.includes(next);
		if (index === 0) {
			if ('#,[]{}&*!|>\'"%@`'.includes(char) || ('?:-'.includes(char) && followedByWhitespace)) {
				blockIndicators = true;
			}
		} else if ((char === ':' && followedByWhitespace) || (char === '#' && precededByWhitespace)) {
			blockIndicators = true;
		}
		const isBreak = lineBreakChars.includes(char);
		lineBreaks ||= isBreak;
		specialCharacters ||= !isPrintable(char);
		if (char === ' ') {
			leadingSpaceOrBreak ||= index === 0;
			trailingSpace = index === chars.length - 1;
			breakSpace ||= previousBreak;
		} else if (isBreak) {
			leadingSpaceOrBreak ||= index === 0;
			trailingBreak = index === chars.length - 1;
			spaceBreak ||= previousSpace;
		}
		previousSpace = char === ' ';
		previousBreak = isBreak;
		precededByWhitespace = whitespaceAround.includes(char);
	}
	const plainForbidden = leadingSpaceOrBreak || trailingSpace || trailingBreak || breakSpace
		|| spaceBreak || specialCharacters || lineBreaks || blockIndicators;
	return {
		chars,
		empty: false,
		multiline: lineBreaks,
		allowBlockPlain: !plainForbidden,
		allowSingleQuoted: !(breakSpace || spaceBreak || specialCharacters),
	};
}
