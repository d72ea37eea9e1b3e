import * as assert from 'node:assert/strict';
import { readJsonlTail, readJsonlTailWithStat } from '../../../../src/core/metrics/jsonlTail';
import { TempRun, validationLine } from './pythonFixtures';

describe('readJsonlTail', () => {
	let run: TempRun;
	beforeEach(async () => {
		run = await TempRun.create();
	});
	afterEach(async () => {
		await run.dispose();
	});

	const epochs = (records: unknown[]): number[] => records.map((record) => (record as { epoch: number }).epoch);

	it('returns the last complete lines of the window and drops its cut first line', async () => {
		const lines = Array.from({ length: 200 }, (_, index) => validationLine(index + 1, { val_iou: index / 200 }));
		const file = await run.write('v.jsonl', lines.join(''));
		const lineBytes = Buffer.byteLength(lines[150]);
		const { records, problems } = await readJsonlTail(file, lineBytes * 3 + 10);
		assert.deepEqual(epochs(records), [198, 199, 200]);
		assert.deepEqual(problems, []);
	});

	it('keeps the first line when the window starts at offset 0', async () => {
		const file = await run.write('v.jsonl', validationLine(1, { val_iou: 0.1 }) + validationLine(2, { val_iou: 0.2 }));
		assert.deepEqual(epochs((await readJsonlTail(file)).records), [1, 2]);
	});

	it('never sees corruption outside the window', async () => {
		const tail = Array.from({ length: 5 }, (_, index) => validationLine(index + 10, { val_loss: 0.5 })).join('');
		const file = await run.write('v.jsonl', 'garbage\n'.repeat(1000) + tail);
		const { records, problems } = await readJsonlTail(file, Buffer.byteLength(tail) + 3);
		assert.deepEqual(epochs(records), [10, 11, 12, 13, 14]);
		assert.deepEqual(problems, []);
	});

	it('adds an unterminated but complete last object, and skips a half-written one', async () => {
		const file = await run.write('a.jsonl', validationLine(1, { val_iou: 0.1 }) + validationLine(2, { val_iou: 0.2 }).trimEnd());
		assert.deepEqual(epochs((await readJsonlTail(file)).records), [1, 2]);
		const torn = await run.write('b.jsonl', validationLine(1, { val_iou: 0.1 }) + validationLine(2, { val_iou: 0.2 }).slice(0, 30));
		assert.deepEqual(epochs((await readJsonlTail(torn)).records), [1]);
	});

	it('reports a corrupt line inside the window', async () => {
		const file = await run.write('v.jsonl', `${validationLine(1, { val_iou: 0.1 })}{oops\n${validationLine(3, { val_iou: 0.3 })}`);
		const { records, problems } = await readJsonlTail(file);
		assert.deepEqual(epochs(records), [1, 3]);
		assert.deepEqual(problems.map((item) => item.kind), ['corrupt']);
	});

	it('gives nothing for a missing file, and says so with its stat', async () => {
		assert.deepEqual(await readJsonlTail(run.file('none.jsonl')), { records: [], problems: [] });
		const stat = await readJsonlTailWithStat(run.file('none.jsonl'));
		assert.equal(stat.exists, false);
		const file = await run.write('v.jsonl', validationLine(1, { val_iou: 0.1 }));
		const present = await readJsonlTailWithStat(file);
		assert.equal(present.exists, true);
		assert.ok(present.mtimeMs > 0);
		assert.equal(present.size, Buffer.byteLength(validationLine(1, { val_iou: 0.1 })));
	});
});
