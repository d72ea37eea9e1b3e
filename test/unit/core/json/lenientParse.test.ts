import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type JsonNode, type JsonNumber, isJsonObject } from '../../../../src/core/json/jsonValue';
import { parseLenient, type ParseResult } from '../../../../src/core/json/lenientParse';
import { toPlain } from '../../../../src/core/json/plain';
import { completedTrackerFixture } from './runPython';

function parseOk(text: string): JsonNode {
	const result = parseLenient(text);
	assert.ok(result.ok, result.ok ? '' : result.error.message);
	return result.value;
}

function parseError(text: string): Extract<ParseResult, { ok: false }>['error'] {
	const result = parseLenient(text);
	assert.ok(!result.ok, `expected ${JSON.stringify(text.slice(0, 80))} to be rejected`);
	return result.error;
}

describe('parseLenient', () => {
	it('reads every JSON type and keeps number tokens exactly as written', () => {
		const value = parseOk('{"s": "a\\"b\\\\c\\/d\\n", "t": true, "f": false, "n": null, "nums": [5, 5.0, 1e-05, -0.0, 1E5, 23.540176391601562, 1e999]}');
		assert.ok(isJsonObject(value));
		assert.deepEqual([...value.keys()], ['s', 't', 'f', 'n', 'nums']);
		assert.equal(value.get('s'), 'a"b\\c/d\n');
		assert.deepEqual([value.get('t'), value.get('f'), value.get('n')], [true, false, null]);
		const numbers = value.get('nums') as JsonNumber[];
		assert.deepEqual(numbers.map((each) => each.text), ['5', '5.0', '1e-05', '-0.0', '1E5', '23.540176391601562', '1e999']);
		assert.deepEqual(numbers.map((each) => each.isInteger), [true, false, false, false, false, false, false]);
		assert.ok(Object.is(numbers[3].value, -0));
		assert.equal(numbers[6].value, Infinity);
	});

	it('accepts the bare NaN, Infinity and -Infinity tokens Python writes, also at the top level', () => {
		const value = parseOk('{\n  "best_metrics": {\n    "val_loss": 0.66,\n    "val_iou": NaN\n  },\n  "x": [Infinity, -Infinity]\n}');
		assert.deepEqual(toPlain(value), { best_metrics: { val_loss: 0.66, val_iou: NaN }, x: [Infinity, -Infinity] });
		assert.equal((parseOk('-Infinity') as JsonNumber).text, '-Infinity');
		assert.equal((parseOk(' NaN ') as JsonNumber).text, 'NaN');
	});

	it('keeps a duplicated key at its first position with its last value and reports its path', () => {
		const result = parseLenient('{"tags": ["a"], "status": "x", "tags": ["b"], "runs": [{"id": 1}, {"id": 2, "id": 3}], "a/b~": {"k": 1, "k": 2}}');
		assert.ok(result.ok);
		const value = result.value;
		assert.ok(isJsonObject(value));
		assert.deepEqual([...value.keys()], ['tags', 'status', 'runs', 'a/b~']);
		assert.deepEqual(value.get('tags'), ['b']);
		assert.equal(((value.get('runs') as JsonNode[])[1] as Map<string, JsonNumber>).get('id')?.text, '3');
		assert.deepEqual(result.duplicateKeys, ['/tags', '/runs/1/id', '/a~1b~0/k']);
	});

	it('skips a leading UTF-8 BOM but not one anywhere else', () => {
		assert.deepEqual(toPlain(parseOk('\ufeff{"a": 1}')), { a: 1 });
		assert.match(parseError(' \ufeff{"a": 1}').message, /U\+FEFF/);
	});

	it('keeps lone surrogates from escapes and joins escaped pairs, as Python does', () => {
		assert.equal(parseOk('"\\ud800"'), '\ud800');
		assert.equal(parseOk('"x\\udc00y"'), 'x\udc00y');
		assert.equal(parseOk('"\\ud83d\\ude00"'), '😀');
		assert.equal(parseOk('"\\u00F1\\u00f1"'), 'ññ');
		assert.equal(parseOk('"\u007f\u00e9😀"'), '\u007fé😀');
	});

	it('rejects everything Python rejects beyond NaN and Infinity, with a clear message', () => {
		const cases: Array<[string, RegExp]> = [
			['{"a": 1,}', /trailing comma before '}'/],
			['[1, 2,]', /trailing comma before ']'/],
			['{"a": 1 // note\n}', /Expected ',' or '}' after a property but found '\/' at line 1, column 9/],
			["{'a': 1}", /property name in double quotes but found '''/],
			['{a: 1}', /property name in double quotes/],
			['["a\tb"]', /Invalid control character U\+0009 inside a string/],
			['"\\x41"', /Invalid escape '\\x'/],
			['"\\u12G4"', /Invalid \\u escape/],
			['[01]', /leading zeros/],
			['[1.]', /digit after the decimal point/],
			['[1e+]', /digit in the exponent/],
			['[-NaN]', /digit after '-'/],
			['[nan]', /found 'nan'/],
			['[Inf]', /found 'Inf'/],
			['{"a" 1}', /Expected ':' after the property name "a"/],
			['[1 2]', /Expected ',' or ']' after an array item/],
			['{"a": 1} {"b": 2}', /after the end of the JSON document at line 1, column 10/],
			['[1]\f', /U\+000C after the end/],
			['', /empty/],
			['  \n ', /empty/],
		];
		for (const [text, expected] of cases) {
			assert.match(parseError(text).message, expected, text);
		}
	});

	it('locates errors by 1-based line and column and offset', () => {
		const error = parseError('{\n  "a": 1,\n  "b": [1, 2\n  "c": 3\n}');
		assert.deepEqual({ line: error.line, column: error.column, offset: error.offset }, { line: 4, column: 3, offset: 27 });
		assert.equal(error.message, `Expected ',' or ']' after an array item but found '"' at line 4, column 3`);
	});

	it('reports every truncation of a real tracker file as a truncated file, never throwing', () => {
		const text = readFileSync(completedTrackerFixture, 'utf8');
		for (let length = 0; length < text.length; length++) {
			const result = parseLenient(text.slice(0, length));
			assert.ok(!result.ok, `prefix of ${length} characters parsed`);
			if (length > 0) {
				assert.equal(result.error.offset, length);
				assert.match(result.error.message, /^Unexpected end of file at line \d+, column \d+ \(the file looks truncated\)$/);
			}
		}
		assert.ok(parseLenient(text).ok);
	});

	it('accepts a prefix only when it is itself a complete document', () => {
		const text = '-12.5e-05';
		const accepted = [...text].map((_, index) => text.slice(0, index + 1)).filter((prefix) => parseLenient(prefix).ok);
		assert.deepEqual(accepted, ['-1', '-12', '-12.5', '-12.5e-0', '-12.5e-05']);
		assert.equal(parseError('-Infin').message, 'Unexpected end of file at line 1, column 7 (the file looks truncated)');
	});

	it('turns very deep nesting into an error instead of a stack overflow', () => {
		assert.match(parseError('['.repeat(100_000)).message, /^Nesting deeper than 512 levels at line 1, column 513$/);
		assert.match(parseError('{"a":'.repeat(100_000)).message, /^Nesting deeper than 512 levels/);
		const deepest = '['.repeat(512) + ']'.repeat(512);
		assert.ok(parseLenient(deepest).ok);
		assert.ok(!parseLenient(deepest, { maxDepth: 511 }).ok);
		const veryDeep = '['.repeat(200_000) + ']'.repeat(200_000);
		assert.ok(parseLenient(veryDeep, { maxDepth: 1_000_000 }).ok, 'an explicit stack takes any depth the caller allows');
	});

	it('copes with huge inputs without throwing', () => {
		const big = 'x'.repeat(20 * 1024 * 1024);
		assert.equal((parseOk(`{"log": "${big}"}`) as Map<string, string>).get('log')?.length, big.length);
		assert.match(parseError(`"${big}`).message, /truncated/);
		assert.match(parseError(`[${'1,'.repeat(1_000_000)}`).message, /truncated/);
		const numbers = parseOk(`[${Array.from({ length: 200_000 }, (_, index) => `${index}.5`).join(', ')}]`) as JsonNumber[];
		assert.equal(numbers[199_999].text, '199999.5');
	});
});
