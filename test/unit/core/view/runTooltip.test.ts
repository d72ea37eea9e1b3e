import * as assert from 'node:assert/strict';
import { problem } from '../../../../src/core/problems';
import { runTooltip, tooltipDescriptionLength } from '../../../../src/core/view/runTooltip';
import { hour, isoAgo, makeRun, makeRunningRun, makeTrackerlessRun, minute, nowMs } from './makeRun';

const valueOf = (model: ReturnType<typeof runTooltip>, label: string) => model.lines.find((line) => line.label === label)?.value;
const labelsOf = (model: ReturnType<typeof runTooltip>) => model.lines.map((line) => line.label);

describe('view: run tooltip model', () => {
	it('describes a finished run in a fixed order, without running-only rows', () => {
		const model = runTooltip(makeRun(), nowMs);
		assert.equal(model.title, 'unet_baseline');
		assert.deepEqual(labelsOf(model), ['ID', 'Status', 'Epoch', 'Duration', 'Best metrics', 'Tags', 'Description', 'Created', 'Started', 'Completed', 'Last activity', 'Folder']);
		assert.equal(valueOf(model, 'Status'), 'completed');
		assert.equal(valueOf(model, 'Epoch'), '12/12 (100%)');
		assert.equal(valueOf(model, 'Duration'), '1h 59m', 'the recorded training time, 7185 s');
		assert.equal(valueOf(model, 'Best metrics'), 'val_loss 0.381, val_iou 0.663');
		assert.equal(valueOf(model, 'Tags'), 'baseline, unet');
		assert.equal(valueOf(model, 'Completed'), isoAgo(2 * hour).slice(0, 19).replace('T', ' '));
		assert.equal(valueOf(model, 'Folder'), '/home/me/crackseg/artifacts/experiments/20261204-120000-unet_baseline');
		assert.deepEqual(model.problems, []);
		assert.equal(model.note, undefined);
	});

	it('gives a running run its elapsed time and ETA from the epoch pace', () => {
		const model = runTooltip(makeRunningRun(), nowMs);
		assert.equal(valueOf(model, 'Epoch'), '4/10 (40%)');
		assert.equal(valueOf(model, 'Elapsed'), '21m 00s');
		assert.equal(valueOf(model, 'ETA'), '30m 00s', '6 epochs left at 5 minutes each');
		assert.equal(valueOf(model, 'Duration'), undefined);
		assert.equal(valueOf(model, 'Completed'), undefined);
	});

	it('explains a stale run and gives it no ETA', () => {
		const model = runTooltip(makeRunningRun({ stale: true, inferredStatus: 'stale', lastActivityMs: nowMs - 2 * hour }), nowMs);
		assert.equal(valueOf(model, 'Status'), 'running (inferred: stale)');
		assert.equal(valueOf(model, 'ETA'), undefined);
		assert.equal(valueOf(model, 'Last activity'), '2 h ago');
		assert.match(model.note ?? '', /process may have stopped/);
	});

	it('shows a tracker-less run\'s recorded and inferred status, its latest metrics and why', () => {
		const model = runTooltip(makeTrackerlessRun(), nowMs);
		assert.equal(valueOf(model, 'Status'), 'created (inferred: running)');
		assert.equal(valueOf(model, 'Latest metrics'), 'train_loss 0.21, val_iou 0.551');
		assert.equal(valueOf(model, 'Best metrics'), undefined);
		assert.match(model.note ?? '', /No tracker file/);
	});

	it('cuts a long description to 200 characters and keeps user text as data', () => {
		const description = `<b>*${'x'.repeat(300)}`;
		const value = valueOf(runTooltip(makeRun({ description }), nowMs), 'Description') ?? '';
		assert.equal(value.length, tooltipDescriptionLength);
		assert.ok(value.startsWith('<b>*xxx'));
		assert.ok(value.endsWith('…'));
	});

	it('lists problems with their file, and notes separately', () => {
		const run = makeRun();
		const model = runTooltip(makeRun({
			problems: [
				problem('unknownKey', `${run.dir}/experiment_tracker.json`, 'Unknown key "notes".'),
				problem('corrupt', `${run.dir}/metrics/metrics.jsonl`, 'Line 3 is not JSON.', 'warning'),
				problem('invalidField', `${run.dir}/metrics`, 'Shared metrics folder.', 'info'),
			],
		}), nowMs);
		assert.deepEqual(model.problems, ['experiment_tracker.json: Unknown key "notes".', 'metrics.jsonl: Line 3 is not JSON.']);
		assert.equal(model.note, 'Shared metrics folder.');
	});

	it('lists pending edits and falls back to the id as title', () => {
		const model = runTooltip(makeRun({ name: '', editsInFile: false, pendingEdits: [{ op: 'mark', at: isoAgo(minute), status: 'aborted', reason: 'hung' }] }), nowMs);
		assert.equal(model.title, '20261204-120000-unet_baseline');
		assert.equal(valueOf(model, 'Pending edits'), 'mark aborted (hung) (written when the run\'s writer stops)');
	});

	it('leaves out rows a run without times or metrics cannot fill', () => {
		const model = runTooltip(makeRun({ createdAt: '', startedAt: '', completedAt: '', lastActivityMs: 0, bestMetrics: {}, tags: [], description: '', currentEpoch: undefined, totalEpochs: undefined, trainingTimeSeconds: undefined }), nowMs);
		assert.deepEqual(labelsOf(model), ['ID', 'Status', 'Folder']);
	});
});
