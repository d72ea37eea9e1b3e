import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../../../src/core/fs/atomicWrite';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';
import { completedTrackerFixture, pythonReadInput, runPython } from './runPython';

function dump(text: string, ensureAscii: boolean): string {
	const result = parseLenient(text);
	assert.ok(result.ok, result.ok ? '' : result.error.message);
	return dumpPythonJson(result.value, { ensureAscii });
}

function documents(): string[] {
	const completed = readFileSync(completedTrackerFixture, 'utf8');
	const running = completed
		.replace('"status": "completed"', '"status": "running"')
		.replace(/"tags": \[[^\]]*\]/, '"tags": []')
		.replace(/"gpu_info": \{[^}]*\}/, '"gpu_info": {}')
		.replace('"cuda_version": "12.8"', '"cuda_version": null');
	const failed = completed
		.replace('"status": "completed"', '"status": "failed"')
		.replace('"val_iou": 0.66', '"val_iou": NaN')
		.replace('"description": "U-Net', '"description": "\\nError: grieta_ñ \\u00e9 \\ud83d\\ude00 \\u0001\\u007f\\t U-Net');
	const rawUnicode = completed.replace('"hostname": "crackseg-sim"', '"hostname": "grieta_ñ-😀-Ωmega\u2028"');
	return [
		completed, running, failed, rawUnicode,
		'{"id": "20261204-152929-high_lr_experiment", "config": "{\'training\': {\'epochs\': 10, \'require_cuda\': False}}", "metadata": "{\\"error\\": \\"RuntimeError: CUDA out of memory\\"}"}',
		'[{"id": "a", "path": "artifacts\\\\experiments\\\\a"}, {"id": "b", "path": "C:/x y/b"}]',
		'{"floats": [1e-05, 5.0, 23.540176391601562, 1e+16, -0.0, 0.0001, 1.5e+300, 5e-324, 1.7976931348623157e+308, 0.1, 123.456]}',
		'{"ints": [0, -1, 12345678901234567890123, 9007199254740993], "nonfinite": [NaN, Infinity, -Infinity]}',
		'{"nested": {"a": {"b": [[], {}, [[]], [{}], {"c": [1, [2, [3, {"d": {}}]]]}]}}, "empty_list": [], "empty_obj": {}}',
		'{"strings": ["", " ", "\\"", "\\\\", "/", "\\/", "\\b\\f\\n\\r\\t", "\\u0000\\u001f", "\\u00ff\\u0100\\uffff", "\\ud800", "x\\udc00", "\\udbff\\udfff"]}',
		'[]', '{}', 'NaN', '"grieta_ñ"', '1e-05', '-Infinity', 'null', 'true',
	];
}

describe('dumpPythonJson against Python json.dumps', function () {
	this.timeout(60_000);

	it('writes exactly what json.dumps(json.loads(text), indent=2) writes, with and without ensure_ascii', async () => {
		const cases = documents();
		const script = pythonReadInput + [
			'print(json.dumps([[json.dumps(json.loads(text), indent=2, ensure_ascii=ascii) for ascii in (True, False)] for text in cases]))',
		].join('\n');
		const expected = await runPython(script, cases) as Array<[string, string]>;
		cases.forEach((text, index) => {
			assert.equal(dump(text, true), expected[index][0], `ensure_ascii=True, case ${index}`);
			assert.equal(dump(text, false), expected[index][1], `ensure_ascii=False, case ${index}`);
		});
	});

	it('writes files that Python\'s json.load reads back unchanged, without BOM or trailing newline', async () => {
		const directory = await mkdtemp(path.join(os.tmpdir(), 'pyjson-'));
		try {
			const files: Array<{ file: string; source: string; ensureAscii: boolean }> = [];
			for (const [index, source] of documents().entries()) {
				for (const ensureAscii of [true, false]) {
					// Without ensure_ascii a lone surrogate has no UTF-8 form (Python refuses to write it too).
					if (!ensureAscii && /\\ud[89a-f]/i.test(source)) {
						continue;
					}
					const file = path.join(directory, `doc${index}${ensureAscii ? '' : '.utf8'}.json`);
					await writeFileAtomic(file, dump(source, ensureAscii));
					files.push({ file, source, ensureAscii });
				}
			}
			const script = pythonReadInput + [
				'out = []',
				'for case in cases:',
				'    raw = open(case["file"], "rb").read()',
				'    loaded = json.load(open(case["file"], encoding="utf-8"))',
				'    same = json.dumps(loaded, indent=2) == json.dumps(json.loads(case["source"]), indent=2)',
				'    out.append([raw.startswith(b"\\xef\\xbb\\xbf"), raw.endswith(b"\\n"), same])',
				'print(json.dumps(out))',
			].join('\n');
			const results = await runPython(script, files) as Array<[boolean, boolean, boolean]>;
			assert.equal(results.length, files.length);
			results.forEach(([hasBom, hasTrailingNewline, same], index) => {
				assert.deepEqual({ hasBom, hasTrailingNewline, same }, { hasBom: false, hasTrailingNewline: false, same: true }, files[index].file);
			});
		} finally {
			await rm(directory, { recursive: true, force: true });
		}
	});
});
