import * as assert from 'node:assert/strict';
import { problem } from '../../../../src/core/problems';
import { runDescription } from '../../../../src/core/view/runDescription';
import { day, hour, isoAgo, makeRun, makeRunningRun, makeTrackerlessRun, minute, nowMs } from './makeRun';

describe('view: tree item description', () => {
	it('shows a running run\'s epoch and headline metric', () => {
		assert.equal(runDescription(makeRunningRun(), nowMs), 'epoch 4/10 · val_iou 0.613');
	});

	it('leaves out what a running run does not know yet', () => {
		assert.equal(runDescription(makeRunningRun({ totalEpochs: undefined }), nowMs), 'epoch 4 · val_iou 0.613');
		assert.equal(runDescription(makeRunningRun({ currentEpoch: undefined, totalEpochs: undefined, bestMetrics: {} }), nowMs), '');
		assert.equal(runDescription(makeRunningRun({ bestMetrics: { val_iou: Number.NaN } }), nowMs), 'epoch 4/10', 'a NaN metric is no headline');
	});

	it('shows a stale run\'s progress too', () => {
		assert.equal(runDescription(makeRunningRun({ stale: true, inferredStatus: 'stale', lastActivityMs: nowMs - 2 * hour }), nowMs), 'epoch 4/10 · val_iou 0.613');
	});

	it('uses the latest metrics of a tracker-less run', () => {
		assert.equal(runDescription(makeTrackerlessRun(), nowMs), 'epoch 7/15 · val_iou 0.551');
	});

	it('shows a finished run\'s headline metric and how long ago it ended', () => {
		assert.equal(runDescription(makeRun(), nowMs), 'val_iou 0.663 · 2 h ago');
		assert.equal(runDescription(makeRun({ status: 'failed', inferredStatus: 'failed', completedAt: isoAgo(3 * day) }), nowMs), 'val_iou 0.663 · 3 days ago');
	});

	it('falls back to the last activity, then the creation time, for the age', () => {
		assert.equal(runDescription(makeRun({ completedAt: '', lastActivityMs: nowMs - 5 * minute }), nowMs), 'val_iou 0.663 · 5 min ago');
		assert.equal(runDescription(makeRun({ completedAt: '', lastActivityMs: 0, createdAt: isoAgo(10 * day), bestMetrics: {} }), nowMs), '24 Nov 2026');
		assert.equal(runDescription(makeRun({ completedAt: '', lastActivityMs: 0, createdAt: '' }), nowMs), 'val_iou 0.663');
	});

	it('says when user edits are waiting for the writer to stop', () => {
		const pendingEdits = [{ op: 'addTags' as const, at: isoAgo(minute), tags: ['keep'] }];
		assert.equal(runDescription(makeRunningRun({ pendingEdits, editsInFile: false }), nowMs), 'epoch 4/10 · val_iou 0.613 · edits pending');
		assert.equal(runDescription(makeRun({ pendingEdits, editsInFile: false, bestMetrics: {}, completedAt: '', lastActivityMs: 0, createdAt: '' }), nowMs), 'edits pending');
	});

	it('still describes a run whose tracker file is unreadable by its age', () => {
		const run = makeTrackerlessRun({ inferredStatus: 'created', currentEpoch: undefined, latestMetrics: {}, lastActivityMs: nowMs - 3 * hour });
		const broken = { ...run, problems: [problem('corrupt', `${run.dir}/experiment_tracker.json`, 'Not valid JSON')] };
		assert.equal(runDescription(broken, nowMs), '3 h ago');
	});
});
