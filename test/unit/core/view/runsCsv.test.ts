import * as assert from 'node:assert/strict';
import { csvCell, csvFixedColumns, runsToCsv } from '../../../../src/core/view/runsCsv';
import { makeRun, makeRunningRun, makeTrackerlessRun } from './makeRun';

/** A strict RFC 4180 reader: CRLF rows, quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let at = 0;
	while (at < text.length) {
		let cell = '';
		if (text[at] === '"') {
			at += 1;
			for (;;) {
				const quote = text.indexOf('"', at);
				assert.ok(quote >= 0, 'unterminated quoted field');
				cell += text.slice(at, quote);
				at = quote + 1;
				if (text[at] !== '"') {
					break;
				}
				cell += '"';
				at += 1;
			}
		} else {
			const end = text.slice(at).search(/,|\r\n/);
			cell = end < 0 ? text.slice(at) : text.slice(at, at + end);
			assert.ok(!/["\r\n]/.test(cell), `bare field with a quote or line break: ${JSON.stringify(cell)}`);
			at += cell.length;
		}
		row.push(cell);
		if (text.startsWith('\r\n', at)) {
			rows.push(row);
			row = [];
			at += 2;
		} else {
			assert.equal(text[at], ',', `expected a comma at ${at}`);
			at += 1;
		}
	}
	assert.deepEqual(row, [], 'the last row ends with CRLF');
	return rows;
}

describe('view: CSV export', () => {
	it('writes a header, one CRLF row per run and a column per metric found', () => {
		const rows = parseCsv(runsToCsv([makeRun(), makeTrackerlessRun(), makeRunningRun({ bestMetrics: { val_iou: Number.NaN, val_dice: Number.NEGATIVE_INFINITY } })]));
		assert.deepEqual(rows[0], [...csvFixedColumns, 'train_loss', 'val_dice', 'val_iou', 'val_loss']);
		assert.equal(rows.length, 4);
		const column = (name: string) => rows[0]!.indexOf(name);
		assert.deepEqual([rows[1]![column('val_iou')], rows[1]![column('val_loss')], rows[1]![column('train_loss')], rows[1]![column('metrics_source')]], ['0.6634', '0.3812', '', 'best']);
		assert.deepEqual([rows[2]![column('val_iou')], rows[2]![column('train_loss')], rows[2]![column('metrics_source')]], ['0.5512', '0.21', 'latest']);
		assert.deepEqual([rows[3]![column('val_iou')], rows[3]![column('val_dice')]], ['NaN', '-Infinity']);
		assert.deepEqual([rows[1]![column('tags')], rows[1]![column('stale')], rows[1]![column('current_epoch')], rows[1]![column('training_time_seconds')]], ['baseline;unet', 'false', '12', '7185']);
		assert.equal(rows[2]![column('training_time_seconds')], '', 'unknown is empty');
	});

	it('quotes commas, quotes and line breaks so every row keeps its columns', () => {
		const run = makeRun({ name: 'a, "b"', description: 'line one\r\nline two\n"quoted", too' });
		const text = runsToCsv([run]);
		assert.ok(text.includes(',"a, ""b""",'));
		const rows = parseCsv(text);
		assert.equal(rows[1]!.length, rows[0]!.length);
		assert.equal(rows[1]![rows[0]!.indexOf('description')], 'line one\r\nline two\n"quoted", too');
	});

	it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
		const run = makeRun({ name: '=HYPERLINK("http://evil","x")', description: '@SUM(A1)', tags: ['+1+1', '-2'], bestMetrics: { '=cmd|x': -0.5 } });
		const rows = parseCsv(runsToCsv([run]));
		const cell = (name: string) => rows[1]![rows[0]!.indexOf(name)];
		assert.equal(cell('name'), '\'=HYPERLINK("http://evil","x")');
		assert.equal(cell('description'), '\'@SUM(A1)');
		assert.equal(cell('tags'), '\'+1+1;-2');
		assert.ok(rows[0]!.includes('\'=cmd|x'));
		assert.equal(rows[1]!.at(-1), '-0.5');
		assert.equal(csvCell('-0.5'), '-0.5');
		assert.equal(csvCell('-1e-3'), '-1e-3');
		assert.equal(csvCell('\tcmd'), '\'\tcmd');
		assert.equal(csvCell('-x'), '\'-x');
	});

	it('writes only the header for no runs', () => {
		assert.equal(runsToCsv([]), `${csvFixedColumns.join(',')}\r\n`);
	});
});
