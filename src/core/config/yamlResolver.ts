import { isPythonFloatText, isPythonIntText } from './pythonNumberSyntax';

/*
 * PyYAML 6's implicit resolvers (YAML 1.1), keyed by the first character they apply to. A
 * string that one of them matches would read back as another type, so the emitter must not
 * write it plain.
 */
const boolPattern = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const floatPattern = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const intPattern = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const mergePattern = /^(?:<<)$/;
const nullPattern = /^(?:~|null|Null|NULL|)$/;
const timestampPattern = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const valuePattern = /^(?:=)$/;
const yamlPattern = /^(?:!|&|\*)$/;

const resolversByFirstChar = new Map<string, RegExp[]>();
function addResolver(pattern: RegExp, firstChars: string[]): void {
	for (const char of firstChars) {
		resolversByFirstChar.set(char, [...(resolversByFirstChar.get(char) ?? []), pattern]);
	}
}
addResolver(boolPattern, [...'yYnNtTfFoO']);
addResolver(floatPattern, [...'-+0123456789.']);
addResolver(intPattern, [...'-+0123456789']);
addResolver(mergePattern, ['<']);
addResolver(nullPattern, ['~', 'n', 'N', '']);
addResolver(timestampPattern, [...'0123456789']);
addResolver(valuePattern, ['=']);
addResolver(yamlPattern, [...'!&*']);

/**
 * True when PyYAML's resolver would give `text` a tag other than `str` if it were written
 * plain: null, bool, int, float, timestamp, merge (`<<`), value (`=`). Python's `re.match`
 * lets `$` match before one final newline, so `'null\n'` counts too.
 */
export function resolvesToNonString(text: string): boolean {
	const patterns = resolversByFirstChar.get(text.charAt(0)) ?? [];
	const candidates = text.endsWith('\n') ? [text, text.slice(0, -1)] : [text];
	return patterns.some((pattern) => candidates.some((candidate) => pattern.test(candidate)));
}

const omegaConfBoolWords = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
	'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

/**
 * OmegaConf's one change to PyYAML's `Dumper`: a string is requested in single-quote style when
 * it is a YAML 1.1 bool word or when Python's `int()` or `float()` would parse it (`'123'`,
 * `'1e-3'`, `'nan'`, `' 1_000 '`).
 */
export function omegaConfQuotesString(text: string): boolean {
	return omegaConfBoolWords.has(text) || isPythonIntText(text) || isPythonFloatText(text);
}
