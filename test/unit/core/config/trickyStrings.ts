/*
 * String and number pools for the YAML differential test: every value here makes PyYAML (or
 * OmegaConf's quoting rule) take a different branch somewhere.
 */

/** Words YAML 1.1, PyYAML or OmegaConf read as something other than a string; the generator also re-cases them. */
export const specialWords = [
	'y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', 'none', 'None', 'nan', 'inf',
	'infinity', 'NaN', 'Infinity', '.nan', '.inf', '-.inf', '+.INF', '.NaN', '<<', '=', '???',
];

/** Strings that Python's int()/float() or PyYAML's int/float/timestamp resolvers accept, and near misses. */
export const numberLikeStrings = [
	'0', '123', '-1', '+5', '007', '0x1F', '0o17', '0b101', '0b1_0', '017', '09', '1_000', '1__0', '_1', '1_',
	'1.5', '.5', '5.', '1.5_5', '1_0.5', '0_.5', '1e-3', '1E5', '1e+5', '1e5', '1.0e-05', '1.0e+17', '5.e3',
	'.e3', '1e', '1e_1', '1e1_0', ' 12 ', '12 ', ' 12', '\t7\n', '\u00a01\u3000', '\u20281\u2028', '\x851',
	'\x1c1', '١٢٣', '１２', '１.５', '1:30', '-1:30', '1:30:00', '190:20:30.15', '1:70', '0.', '+', '-', '.',
	'-0', '+0.0', '1,000', '1 000', '3.14.15', '12e', '0_0', '1j', '+-1', '--1', '.1_2', '1._5', '6.8523015e+5',
];

/** Timestamps and timestamp-shaped strings. */
export const dateLikeStrings = [
	'2025-08-04', '2025-8-4', '2025-8-4 1:02:03', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5',
	'2025-08-04T10:00:00Z', '2025-13-45', '2025-08-04 10:00', '20250804', '2026-12-04T15:29:27.148886',
];

/** Strings whose first character, or an inner sequence, is YAML syntax. */
export const syntaxStrings = [
	'!', '&', '*', '&anchor', '*alias', '!tag', '!!str', '%x', '@x', '`x', '|', '|-', '>', '>+', '#x', ',x',
	'[x', ']', '{x}', '}', '?', '? x', '?x', ':', ': x', ':x', '-', '- x', '-x', '--x', '---', '--- x',
	'...', '... x', '....', 'a: b', 'a:b', 'a :b', 'a:', 'x #y', 'x#y', 'x # ', 'key: value # note',
	'it\'s', '\'', '\'\'', '"q"', '"', 'back\\slash', '\\', 'C:\\path\\to', 'a,b', 'a[0]', 'a{b}',
	'${training.lr}', '\\${x}', '%TAG', '- - x', 'x:\ty', 'url: http://x.y/z?a=1&b=2', 'x?', 'x!', 'x&y', 'x*',
];

/** Whitespace, line breaks and characters PyYAML must escape or keep raw. */
export const whitespaceAndUnicode = [
	'', ' ', '  ', 'trail ', ' lead', ' both ', 'tab\there', '\t', 'line\nbreak', 'a\n', '\nb', 'a\n\n', '\n',
	'a \nb', 'a\n b', 'a\n\nb', 'a\n\n\nb', 'a\r\nb', 'cr\r', '\x85x', 'x\x85', 'x\u2028y', '\u2029', 'a\u2028\u2028b',
	'\ufeffbom', 'bo\ufeffm', '\x00nul', '\x07bell', '\x1b[0m', '\x7f', '\x9f', '\xa0nbsp', 'nb\xa0sp', 'ñ',
	'grieta_ñ', '日本語', 'emoji 😀', '😀', 'a😀b c', '\ud800', 'x\udfffy', '\ue000', '\ufffd', '\ufffe', '\uffff',
	'\u{10ffff}', '\u{10fffe}', '\u{1f600}\n', 'é\u0301', '\u200b', '\u2000x', 'x\u3000', '\x0b', '\x0c',
];

/** Words used to build long texts that wrap at column 80. */
export const longTextWords = [
	'the', 'crack', 'segmentation', 'model', 'uses', 'a', 'ResNet', 'encoder', 'and', 'UNet', 'decoder',
	'with', 'learning_rate=0.001', 'it\'s', '"quoted"', 'back\\slash', 'x:', 'y', '#hash', 'ñandú', '😀',
	'tab\tin', 'é', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '-', '?', '\x85', '\u00a0', 'end.',
];

/** Integer tokens, including ones beyond 2^53 that JS numbers cannot hold. */
export const intTokens = [
	'0', '-0', '1', '-17', '100', '65536', '9007199254740993', '-9007199254740993',
	'123456789012345678901234567890', '-98765432109876543210987654321098765432',
];

/** Float tokens as Python's json writes (or reads) them. */
export const floatTokens = [
	'1.0', '0.001', '1e-05', '1e-5', '1E5', '1e16', '1e17', '1e+17', '1e15', '1e-4', '0.0001', '-0.0', '0.0',
	'1.5e300', '5e-324', '1.7976931348623157e308', '1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '0.1',
	'123456789.123', '12345678901234567.0', '2.5', '-0.5', '23.540176391601562', '100.0', '1e22', '1e21',
	'9.999999999999999e15', '1.0000000000000002', '0.30000000000000004', '4.35e-07',
];
