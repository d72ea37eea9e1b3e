import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type JsonNode, JsonNumber } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { dumpPythonJson, quotePythonString } from '../../../../src/core/json/pythonJson';
import { completedTrackerFixture } from './runPython';

function roundTrip(text: string): string {
	const result = parseLenient(text);
	assert.ok(result.ok, result.ok ? '' : result.error.message);
	return dumpPythonJson(result.value);
}

/** The §6.4 failed, diverged run: the §6.2 file with the fields §6.4 shows. */
function failedTrackerText(completed: string): string {
	return completed
		.replace('"status": "completed"', '"status": "failed"')
		.replace(/"description": "[^"]*"/, '"description": "\\nError: RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB"')
		.replace(/"tags": \[[^\]]*\]/, '"tags": [\n    "lr-sweep"\n  ]')
		.replace('"val_iou": 0.66', '"val_iou": NaN')
		.replace('"val_loss": 0.38', '"val_loss": 0.66');
}

describe('dumpPythonJson', () => {
	it('reproduces the spec\'s completed-run tracker file byte for byte', () => {
		const text = readFileSync(completedTrackerFixture, 'utf8');
		assert.ok(!text.endsWith('\n'));
		assert.equal(roundTrip(text), text);
	});

	it('reproduces a failed run with a bare NaN byte for byte', () => {
		const text = failedTrackerText(readFileSync(completedTrackerFixture, 'utf8'));
		assert.match(text, /"val_iou": NaN\n/);
		assert.match(text, /"tags": \[\n {4}"lr-sweep"\n {2}\],/);
		assert.equal(roundTrip(text), text);
	});

	it('indents like json.dumps(indent=2), with [] and {} for empty containers and no trailing newline', () => {
		const node: JsonNode = new Map<string, JsonNode>([
			['a', []], ['b', new Map()], ['c', [new JsonNumber('1'), [new JsonNumber('2.5')], new Map([['d', null]])]], ['e', true],
		]);
		assert.equal(dumpPythonJson(node), '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    [\n      2.5\n    ],\n    {\n      "d": null\n    }\n  ],\n  "e": true\n}');
		assert.equal(dumpPythonJson(node, { indent: 4 }).split('\n')[1], '    "a": [],');
		assert.equal(dumpPythonJson('x'), '"x"');
		assert.equal(dumpPythonJson(false), 'false');
		assert.equal(dumpPythonJson([]), '[]');
	});

	it('escapes strings exactly as Python with ensure_ascii', () => {
		const cases: Array<[string, string]> = [
			['plain /slash/', '"plain /slash/"'],
			['q"b\\', '"q\\"b\\\\"'],
			['\n\r\t\b\f', '"\\n\\r\\t\\b\\f"'],
			['\u0000\u0001\u001f\u001b', '"\\u0000\\u0001\\u001f\\u001b"'],
			['\u007f~ ', '"\\u007f~ "'],
			['grieta_ñ é', '"grieta_\\u00f1 \\u00e9"'],
			['😀', '"\\ud83d\\ude00"'],
			['\ud800x\udfff', '"\\ud800x\\udfff"'],
			['\u2028\uFEFF\uABCD', '"\\u2028\\ufeff\\uabcd"'],
		];
		for (const [input, expected] of cases) {
			assert.equal(quotePythonString(input), expected, JSON.stringify(input));
			assert.equal(dumpPythonJson(input), expected);
		}
	});

	it('with ensureAscii false escapes only quotes, backslashes and C0 controls', () => {
		const node = new Map<string, JsonNode>([['grieta_ñ', 'é 😀 \u007f \u2028 "q" \\ \n \u0001']]);
		assert.equal(dumpPythonJson(node, { ensureAscii: false }), '{\n  "grieta_ñ": "é 😀 \u007f \u2028 \\"q\\" \\\\ \\n \\u0001"\n}');
	});

	it('escapes keys like values', () => {
		assert.equal(dumpPythonJson(new Map([['ñ\n', null]])), '{\n  "\\u00f1\\n": null\n}');
	});

	it('writes number tokens verbatim, including ones Python would spell differently', () => {
		const tokens = ['5', '5.0', '1e-05', '-0.0', 'NaN', 'Infinity', '-Infinity', '1E5', '12345678901234567890'];
		assert.equal(dumpPythonJson(tokens.map((text) => new JsonNumber(text))), `[\n  ${tokens.join(',\n  ')}\n]`);
	});

	it('refuses values that are not JSON nodes', () => {
		assert.throws(() => dumpPythonJson([1 as unknown as JsonNode]), TypeError);
		assert.throws(() => dumpPythonJson(new Map([['a', undefined as unknown as JsonNode]])), TypeError);
	});
});
