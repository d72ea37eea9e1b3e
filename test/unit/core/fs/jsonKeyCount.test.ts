import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { countKeyTokens, measureParsed } from '../../../../src/core/fs/jsonKeyCount';
import { readJsonFile } from '../../../../src/core/fs/readJsonFile';

describe('counting keys to find duplicates cheaply', () => {
	it('counts every key, nested ones included, and no string value that looks like one', () => {
		const texts = [
			'{}',
			'{"a": 1, "b": {"c": [1, {"d": null}]}}',
			'{\n  "quote \\" and colon\\":": "x\\\\",\n  "v": "\\"k\\": 1",\n  "w": ":"\n}',
			'[{"a": "b"}, "c", ":", {"d": {"e": "f"}}]',
			'{"escaped\\\\": {"\\u0022": 2}}',
			'"just a string: with a colon"',
		];
		for (const text of texts) {
			assert.equal(countKeyTokens(text), measureParsed(JSON.parse(text), 512).keys, text);
		}
	});

	it('counts more key tokens than parsed keys exactly when a key is written twice', () => {
		const duplicated = '{"a": 1, "b": {"x": 1, "x": 2}}';
		assert.equal(countKeyTokens(duplicated), 4);
		assert.equal(measureParsed(JSON.parse(duplicated), 512).keys, 3);
	});

	it('measures depth, and stops walking just past the limit', () => {
		assert.deepEqual(measureParsed(5, 512), { depth: 0, keys: 0 });
		assert.deepEqual(measureParsed({ a: [[{ b: 1 }]] }, 512), { depth: 4, keys: 2 });
		let deep: unknown = 1;
		for (let level = 0; level < 2000; level++) {
			deep = [deep];
		}
		assert.equal(measureParsed(deep, 512).depth, 513);
	});
});

describe('readJsonFile duplicate-key reporting (with the cheap pre-check)', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-dupkeys-'));
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	async function duplicatesIn(text: string): Promise<string[]> {
		const file = path.join(dir, 'experiment_tracker.json');
		await writeFile(file, text);
		const read = await readJsonFile(file, { detectDuplicateKeys: true });
		assert.equal(read.state, 'ok');
		return read.state === 'ok' ? read.problems.filter((entry) => entry.kind === 'duplicateKey').map((entry) => entry.message) : [];
	}

	it('reports a nested duplicate and a top-level one, with the last value kept', async () => {
		assert.equal((await duplicatesIn('{\n  "best_metrics": {\n    "val_iou": 0.1,\n    "val_iou": 0.2\n  }\n}')).length, 1);
		const file = path.join(dir, 'experiment_tracker.json');
		await writeFile(file, '{"status": "running", "tags": [], "status": "completed"}');
		const read = await readJsonFile(file, { detectDuplicateKeys: true });
		assert.ok(read.state === 'ok');
		assert.equal((read.value as { status: string }).status, 'completed');
		assert.deepEqual(read.problems.map((entry) => entry.kind), ['duplicateKey']);
	});

	it('reports nothing for keys that only repeat in different objects, or inside strings', async () => {
		assert.deepEqual(await duplicatesIn('{"a": {"x": 1}, "b": {"x": 1}, "c": "\\"a\\": 2", "d": "a"}'), []);
	});

	it('still reports duplicates in a file with bare NaN (the lenient parser path)', async () => {
		assert.equal((await duplicatesIn('{"best_metrics": {"val_loss": NaN}, "best_metrics": {}}')).length, 1);
	});
});
