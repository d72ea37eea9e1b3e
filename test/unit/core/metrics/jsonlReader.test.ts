import * as assert from 'node:assert/strict';
import { appendFile, open, truncate, writeFile } from 'node:fs/promises';
import { readJsonlFrom } from '../../../../src/core/metrics/jsonlReader';
import { TempRun, validationLine } from './pythonFixtures';

describe('readJsonlFrom', () => {
	let run: TempRun;
	beforeEach(async () => {
		run = await TempRun.create();
	});
	afterEach(async () => {
		await run.dispose();
	});

	it('reads every complete line of a diverged run, bare NaN included', async () => {
		const file = await run.write('v.jsonl', validationLine(1, { val_loss: 0.54 }) + validationLine(2, { val_loss: Number.NaN }));
		const chunk = await readJsonlFrom(file);
		assert.equal(chunk.records.length, 2);
		assert.ok(Number.isNaN((chunk.records[1] as { metrics: { val_loss: number } }).metrics.val_loss));
		assert.deepEqual(chunk.lines, [1, 2]);
		assert.equal(chunk.reset, false);
		assert.deepEqual(chunk.problems, []);
	});

	it('holds back a half-written last line, then counts it once when its newline lands', async () => {
		const first = validationLine(1, { val_iou: 0.4 });
		const second = validationLine(2, { val_iou: 0.5 });
		const file = await run.write('v.jsonl', first + second.slice(0, 20));
		const a = await readJsonlFrom(file);
		assert.equal(a.records.length, 1);
		assert.equal(a.provisional, undefined);
		assert.equal(a.cursor.offset, Buffer.byteLength(first));
		await appendFile(file, second.slice(20));
		const b = await readJsonlFrom(file, a.cursor);
		assert.equal(b.records.length, 1);
		assert.equal((b.records[0] as { epoch: number }).epoch, 2);
		assert.deepEqual(b.lines, [2]);
	});

	it('returns a complete object without newline as provisional, without consuming it', async () => {
		const file = await run.write('v.jsonl', validationLine(1, { val_iou: 0.4 }) + validationLine(2, { val_iou: 0.5 }).trimEnd());
		const a = await readJsonlFrom(file);
		assert.equal(a.records.length, 1);
		assert.equal((a.provisional as { epoch: number }).epoch, 2);
		await appendFile(file, '\n');
		const b = await readJsonlFrom(file, a.cursor);
		assert.deepEqual(b.records.map((record) => (record as { epoch: number }).epoch), [2]);
		assert.equal(b.provisional, undefined);
		const c = await readJsonlFrom(file, b.cursor);
		assert.deepEqual(c.records, []);
	});

	it('reads only the bytes after the cursor: a corrupted consumed prefix is never seen again', async () => {
		const file = await run.write('v.jsonl', validationLine(1, { val_loss: 0.5 }) + validationLine(2, { val_loss: 0.4 }));
		const a = await readJsonlFrom(file);
		const handle = await open(file, 'r+');
		await handle.write(Buffer.from('#garbage#'), 0, 9, 0);
		await handle.close();
		await appendFile(file, validationLine(3, { val_loss: 0.3 }));
		const b = await readJsonlFrom(file, a.cursor);
		assert.deepEqual(b.records.map((record) => (record as { epoch: number }).epoch), [3]);
		assert.deepEqual(b.problems, []);
		assert.equal(b.reset, false);
		assert.equal(b.cursor.lineNumber, 3);
	});

	it('starts over with reset when the file was truncated', async () => {
		const file = await run.write('v.jsonl', validationLine(1, { val_loss: 0.5 }) + validationLine(2, { val_loss: 0.4 }));
		const a = await readJsonlFrom(file);
		await truncate(file, 0);
		await appendFile(file, validationLine(7, { val_loss: 0.1 }));
		const b = await readJsonlFrom(file, a.cursor);
		assert.equal(b.reset, true);
		assert.deepEqual(b.records.map((record) => (record as { epoch: number }).epoch), [7]);
		assert.deepEqual(b.lines, [1]);
	});

	it('starts over with reset when the file was rewritten longer (a line no longer ends at the cursor)', async () => {
		const file = await run.write('m.jsonl', '{"epoch": 1}\n');
		const a = await readJsonlFrom(file);
		await writeFile(file, '{"epoch": 10}\n{"epoch": 11}\n');
		const b = await readJsonlFrom(file, a.cursor);
		assert.equal(b.reset, true);
		assert.deepEqual(b.records, [{ epoch: 10 }, { epoch: 11 }]);
	});

	it('handles CRLF line ends', async () => {
		const file = await run.write('v.jsonl', '{"epoch": 1}\r\n{"epoch": 2}\r\n');
		const chunk = await readJsonlFrom(file);
		assert.deepEqual(chunk.records, [{ epoch: 1 }, { epoch: 2 }]);
		assert.deepEqual(chunk.problems, []);
	});

	it('keeps a multi-byte UTF-8 character intact when it straddles two reads', async () => {
		const line = '{"note": "fissure é 裂缝 🙂"}\n';
		const file = await run.write('v.jsonl', line.repeat(3));
		for (const chunkBytes of [1, 2, 3, 5, 7, 13]) {
			const chunk = await readJsonlFrom(file, undefined, { chunkBytes });
			assert.deepEqual(chunk.records, [{ note: 'fissure é 裂缝 🙂' }, { note: 'fissure é 裂缝 🙂' }, { note: 'fissure é 裂缝 🙂' }], `chunkBytes ${chunkBytes}`);
			assert.deepEqual(chunk.problems, []);
		}
	});

	it('keeps a character split between two incremental reads of a growing file', async () => {
		const bytes = Buffer.from('{"note": "é"}\n');
		const cut = bytes.indexOf(0xc3) + 1;
		const file = await run.write('v.jsonl', bytes.subarray(0, cut));
		const a = await readJsonlFrom(file);
		await appendFile(file, bytes.subarray(cut));
		const b = await readJsonlFrom(file, a.cursor);
		assert.deepEqual(b.records, [{ note: 'é' }]);
	});

	it('reports each corrupt line once with its line number and keeps the others', async () => {
		const file = await run.write('v.jsonl', '{"epoch": 1}\n{"epoch": 2, "metr\n{"epoch": 3}\nnot json\n{"epoch": 5}\n');
		const chunk = await readJsonlFrom(file);
		assert.deepEqual(chunk.records, [{ epoch: 1 }, { epoch: 3 }, { epoch: 5 }]);
		assert.deepEqual(chunk.lines, [1, 3, 5]);
		assert.deepEqual(chunk.problems.map((item) => [item.kind, /Line (\d+)/.exec(item.message)?.[1]]), [['corrupt', '2'], ['corrupt', '4']]);
		assert.equal(chunk.problems[0].file, file);
	});

	it('reports a line that is not UTF-8 as an encoding problem with its line number', async () => {
		const file = await run.write('v.jsonl', Buffer.concat([Buffer.from('{"epoch": 1}\n{"note": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n{"epoch": 3}\n')]));
		const chunk = await readJsonlFrom(file);
		assert.deepEqual(chunk.records, [{ epoch: 1 }, { epoch: 3 }]);
		assert.deepEqual(chunk.problems.map((item) => [item.kind, /Line (\d+)/.exec(item.message)?.[1]]), [['encoding', '2']]);
	});

	it('caps per-line problems and counts the rest in one closing problem', async () => {
		const file = await run.write('v.jsonl', 'bad\n'.repeat(25) + '{"epoch": 26}\n');
		const chunk = await readJsonlFrom(file);
		assert.deepEqual(chunk.records, [{ epoch: 26 }]);
		assert.equal(chunk.problems.length, 21);
		assert.match(chunk.problems[20].message, /^5 more lines/);
	});

	it('reports a missing file as missing, without a problem, and resets a cursor that had read it', async () => {
		const chunk = await readJsonlFrom(run.file('nope.jsonl'), { offset: 40, size: 40, lineNumber: 1 });
		assert.equal(chunk.missing, true);
		assert.equal(chunk.reset, true);
		assert.deepEqual(chunk.problems, []);
	});

	it('reports an unreadable path as a problem and keeps the cursor', async () => {
		await run.write('dir.jsonl/inner', 'x');
		const cursor = { offset: 0, size: 0, lineNumber: 0 };
		const chunk = await readJsonlFrom(run.file('dir.jsonl'), cursor);
		assert.equal(chunk.missing, false);
		assert.deepEqual(chunk.problems.map((item) => item.kind), ['unreadable']);
		assert.deepEqual(chunk.cursor, cursor);
	});
});
