/**
 * Which strings CPython 3.11's `int(s)` and `float(s)` accept. OmegaConf single-quotes every
 * string that either call would parse, so this decides part of the YAML that `config_hash`
 * covers; it also reads list indices in interpolation paths the way OmegaConf does.
 */

// Non-ASCII characters that `str.isspace()` accepts; CPython turns each into an ASCII space
// before parsing, while the ASCII separators \x1c..\x1f stay and make the parse fail.
const unicodeSpaces = new Set([0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
	0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);
const decimalDigit = /^\p{Nd}$/u;
const asciiSpaces = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;

const digitRun = String.raw`\d+(?:_\d+)*`;
const intPattern = new RegExp(`^[+-]?${digitRun}$`);
const floatPattern = new RegExp(`^[+-]?(?:${digitRun}(?:\\.(?:${digitRun})?)?|\\.${digitRun})(?:[eE][+-]?${digitRun})?$`);
const nonFinitePattern = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * The text CPython actually parses: every Unicode decimal digit becomes an ASCII digit, every
 * Unicode space an ASCII space, any other non-ASCII character `?`; then surrounding ASCII
 * whitespace is stripped. Only whether the result parses matters here, so every digit maps to `1`.
 */
function normalizeForParsing(text: string): string {
	let normalized = '';
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x7f) {
			normalized += char;
		} else if (unicodeSpaces.has(code)) {
			normalized += ' ';
		} else {
			normalized += decimalDigit.test(char) ? '1' : '?';
		}
	}
	return normalized.replace(asciiSpaces, '');
}

/** True when Python's `int(text)` (base 10) would return instead of raising `ValueError`; underscores only between digits. */
export function isPythonIntText(text: string): boolean {
	return intPattern.test(normalizeForParsing(text));
}

/** True when Python's `float(text)` would return: decimal and exponent forms with underscores between digits, `inf`, `infinity`, `nan` in any case. */
export function isPythonFloatText(text: string): boolean {
	const normalized = normalizeForParsing(text);
	return floatPattern.test(normalized) || nonFinitePattern.test(normalized);
}

/**
 * The value of `int(text)` for ASCII text (`'0'`, `'+1'`, `' 2 '`, `'1_0'`), or undefined when
 * Python would raise or when the text uses non-ASCII digits (never the case for OmegaConf keys
 * written in config files, and refusing them keeps the value exact).
 */
export function parsePythonInt(text: string): bigint | undefined {
	const stripped = text.replace(asciiSpaces, '');
	if (!intPattern.test(stripped)) {
		return undefined;
	}
	return BigInt(stripped.replaceAll('_', ''));
}
