import * as assert from 'node:assert/strict';
import { statusBarModel, type StatusBarModel } from '../../../../src/core/view/statusBarModel';
import { hour, makeRun, makeRunningRun, makeTrackerlessRun, nowMs } from './makeRun';

type Visible = Extract<StatusBarModel, { visible: true }>;

function visible(model: StatusBarModel): Visible {
	assert.equal(model.visible, true);
	return model as Visible;
}

const quiet = { stale: true, inferredStatus: 'stale' as const, lastActivityMs: nowMs - 2 * hour };

describe('view: status bar model', () => {
	it('is hidden when nothing runs', () => {
		assert.deepEqual(statusBarModel([], nowMs), { visible: false });
		assert.deepEqual(statusBarModel([makeRun(), makeTrackerlessRun({ inferredStatus: 'completed' })], nowMs), { visible: false });
	});

	it('shows one running run\'s progress, metric and ETA', () => {
		const run = makeRunningRun();
		const model = visible(statusBarModel([makeRun(), run], nowMs));
		assert.equal(model.text, '$(loading~spin) focal_loss 4/10 · val_iou 0.613 · ETA 30m');
		assert.equal(model.warning, false);
		assert.deepEqual(model.runDirs, [run.dir]);
		assert.deepEqual(model.tooltip, ['1 run in progress', 'focal_loss: epoch 4/10 (40%) · val_iou 0.613 · ETA 30m 00s']);
	});

	it('leaves out what it does not know', () => {
		const model = visible(statusBarModel([makeRunningRun({ currentEpoch: undefined, totalEpochs: undefined, bestMetrics: {}, epochTimes: [] })], nowMs));
		assert.equal(model.text, '$(loading~spin) focal_loss');
		assert.deepEqual(model.tooltip, ['1 run in progress', 'focal_loss: started, no epoch yet']);
	});

	it('cuts a long name to 24 characters', () => {
		const model = visible(statusBarModel([makeRunningRun({ name: 'swinv2_hybrid_aspp_360x360_lr1e-4_bs4' })], nowMs));
		assert.ok(model.text.startsWith('$(loading~spin) swinv2_hybrid_aspp_360x… 4/10'), model.text);
	});

	it('counts several running runs, tracker-less ones included', () => {
		const runs = [makeRunningRun({ id: 'a', dir: '/r/a' }), makeTrackerlessRun({ dir: '/r/b' }), makeRunningRun({ id: 'c', dir: '/r/c' })];
		const model = visible(statusBarModel(runs, nowMs));
		assert.equal(model.text, '$(loading~spin) 3 running');
		assert.deepEqual(model.runDirs, ['/r/a', '/r/b', '/r/c']);
		assert.equal(model.tooltip[0], '3 runs in progress');
		assert.equal(model.tooltip[2], 'swinv2_hybrid: epoch 7/15 (47%) · val_iou 0.551');
	});

	it('warns about a stale run alone', () => {
		const model = visible(statusBarModel([makeRunningRun(quiet)], nowMs));
		assert.equal(model.text, '$(warning) focal_loss 4/10 · val_iou 0.613 · stale');
		assert.equal(model.warning, true);
		assert.equal(model.tooltip[1], 'focal_loss: epoch 4/10 (40%) · val_iou 0.613 · stale, last change 2 h ago');
		assert.match(model.tooltip[2] ?? '', /^A run is stale/);
	});

	it('counts stale runs among several, the counts adding up', () => {
		const runs = [makeRunningRun({ dir: '/r/a', ...quiet }), makeRunningRun({ dir: '/r/b' }), makeTrackerlessRun({ dir: '/r/c' })];
		const model = visible(statusBarModel(runs, nowMs));
		assert.equal(model.text, '$(warning) 1 stale · 2 running');
		assert.equal(model.warning, true);
		const allStale = visible(statusBarModel([makeRunningRun({ dir: '/r/a', ...quiet }), makeRunningRun({ dir: '/r/b', ...quiet })], nowMs));
		assert.equal(allStale.text, '$(warning) 2 stale');
		assert.match(allStale.tooltip.at(-1) ?? '', /^2 runs are stale/);
	});

	it('ignores tracker-less runs whose metrics stopped, and info files that say running', () => {
		const runs = [makeTrackerlessRun({ inferredStatus: 'stale' }), makeTrackerlessRun({ status: 'running', inferredStatus: 'completed' })];
		assert.deepEqual(statusBarModel(runs, nowMs), { visible: false });
	});
});
