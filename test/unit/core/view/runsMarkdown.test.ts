import * as assert from 'node:assert/strict';
import { problem } from '../../../../src/core/problems';
import { escapeMarkdown, fencedBlock } from '../../../../src/core/view/markdownText';
import { runsToMarkdown } from '../../../../src/core/view/runsMarkdown';
import { isoAgo, makeRun, makeRunningRun, makeTrackerlessRun, minute } from './makeRun';

/** Pipes that separate cells: those not escaped by a backslash. */
const cellSeparators = (row: string) => row.replace(/\\./g, '').split('|').length - 1;
/** `char` occurrences not escaped by a backslash. */
const unescaped = (text: string, char: string) => text.replace(/\\./g, '').split(char).length - 1;
const tableRows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| '));

const hostile = makeRun({
	id: 'x|y',
	name: 'evil | name *bold* _it_ `code` <img src=x onerror=alert(1)> [link](https://e.example)',
	tags: ['a|b', '<script>', '![img](x)'],
	description: 'line one\n| not | a | row |\n```\n<b>html</b>',
});

describe('view: Markdown export of runs', () => {
	it('writes a heading and one table row per run', () => {
		const markdown = runsToMarkdown([makeRun(), makeRunningRun(), makeTrackerlessRun()], { title: 'Sweep' });
		assert.ok(markdown.startsWith('# Sweep\n\n| Name | ID | Status | Epochs | Metrics | Tags | Created |\n| --- | --- | --- | --- | --- | --- | --- |\n'));
		const rows = tableRows(markdown);
		assert.equal(rows.length, 5);
		assert.ok(rows[2]!.includes('| completed | 12/12 | val\\_loss 0.381, val\\_iou 0.663 | baseline, unet |'), rows[2]);
		assert.ok(rows[4]!.includes('| created (inferred: running) | 7/15 | train\\_loss 0.21, val\\_iou 0.551 (latest) |'), rows[4]);
		assert.ok(!markdown.includes('## '), 'no single-run section for several runs');
		assert.ok(markdown.endsWith('|\n'));
	});

	it('keeps the table intact whatever the run files hold', () => {
		const markdown = runsToMarkdown([hostile, makeRun()]);
		for (const row of tableRows(markdown)) {
			assert.equal(cellSeparators(row), 8, row);
		}
		for (const char of ['<', '*', '_', '`', '[', '!']) {
			assert.equal(unescaped(tableRows(markdown).join('\n'), char), 0, char);
		}
		assert.ok(markdown.includes('evil \\| name \\*bold\\* \\_it\\_ \\`code\\` \\<img src=x onerror=alert(1)\\> \\[link\\](https://e.example)'));
	});

	it('shows NaN metrics and runs without times or epochs', () => {
		const run = makeRun({ bestMetrics: { val_iou: Number.NaN, val_loss: 0.66 }, createdAt: '', currentEpoch: undefined, totalEpochs: undefined });
		const row = tableRows(runsToMarkdown([run, makeRun()]))[2]!;
		assert.ok(row.includes('| completed | — | val\\_iou NaN, val\\_loss 0.66 | baseline, unet | — |'), row);
	});

	it('adds a full section for a single run, the description verbatim in a fence it cannot close', () => {
		const markdown = runsToMarkdown([{ ...hostile, latestMetrics: { val_iou: 0.5 }, editsInFile: false, pendingEdits: [{ op: 'addTags', at: isoAgo(minute), tags: ['<b>'] }], problems: [problem('unknownKey', '/r/experiment_tracker.json', 'Unknown key "x_y".')] }]);
		assert.match(markdown, /\n## evil \\\| name/);
		assert.ok(markdown.includes('\n### Metrics\n\n| Metric | Best | Latest |\n| --- | --- | --- |\n| val\\_loss | 0.381 | — |\n| val\\_iou | 0.663 | 0.5 |'));
		assert.ok(markdown.includes('\n### Description\n\n````text\nline one\n| not | a | row |\n```\n<b>html</b>\n````'));
		assert.ok(markdown.includes('\n### Pending edits\n\n- add tag \\<b\\>'));
		assert.ok(markdown.includes('\n### Problems\n\n- error: Unknown key "x\\_y". (/r/experiment\\_tracker.json)'));
		assert.ok(markdown.includes('- **Folder:** /home/me/crackseg/artifacts/experiments/x\\|y'));
	});

	it('says so when there are no runs', () => {
		assert.equal(runsToMarkdown([]), '# Experiment runs\n\nNo runs.\n');
	});
});

describe('view: Markdown building blocks', () => {
	it('escapes every character Markdown or HTML could read, and flattens line breaks', () => {
		assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
		assert.equal(escapeMarkdown('#1 & ~x~ $y$ {z}'), '\\#1 \\& \\~x\\~ \\$y\\$ \\{z\\}');
		assert.equal(escapeMarkdown('one\r\ntwo\nthree\u2028four'), 'one two three four');
		assert.equal(escapeMarkdown('val_iou 0.6'), 'val\\_iou 0.6');
	});

	it('fences text with more backticks than it holds', () => {
		assert.equal(fencedBlock('plain'), '```text\nplain\n```');
		assert.equal(fencedBlock('a ````` b'), '``````text\na ````` b\n``````');
		assert.equal(fencedBlock('a\r\nb'), '```text\na\nb\n```');
	});
});
