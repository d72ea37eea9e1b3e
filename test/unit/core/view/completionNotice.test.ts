import * as assert from 'node:assert/strict';
import { completionNotice } from '../../../../src/core/view/completionNotice';
import { isoAgo, makeRunningRun, makeTrackerlessRun, minute, nowMs } from './makeRun';

const ended = (status: 'completed' | 'failed' | 'aborted', overrides = {}) =>
	makeRunningRun({ status, inferredStatus: status, completedAt: isoAgo(0), ...overrides });

describe('view: completion notice', () => {
	const running = makeRunningRun();

	it('announces a completed run with its headline metric and duration', () => {
		assert.deepEqual(completionNotice(running, ended('completed', { currentEpoch: 10, bestMetrics: { val_iou: 0.66, val_loss: 0.3 } })), {
			kind: 'completed',
			message: 'focal_loss completed · val_iou 0.66 · 21m 00s',
		});
		assert.equal(completionNotice(running, ended('completed', { trainingTimeSeconds: 185 }))?.message, 'focal_loss completed · val_iou 0.613 · 3m 05s');
	});

	it('gives a failed run\'s reason: the text after the last "\\nError: "', () => {
		const description = 'Sweep lr=0.1\nError: first try\nError: RuntimeError: CUDA out of memory.\n  Tried to allocate 2.00 GiB';
		assert.deepEqual(completionNotice(running, ended('failed', { description })), {
			kind: 'failed',
			message: 'focal_loss failed: RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB · epoch 4/10 · 21m 00s',
		});
		assert.equal(completionNotice(running, ended('failed', { description: 'no reason given' }))?.message, 'focal_loss failed · epoch 4/10 · 21m 00s');
		const long = completionNotice(running, ended('failed', { description: `\nError: ${'x'.repeat(500)}` }))?.message ?? '';
		assert.ok(long.length < 220 && long.includes('x…'), long);
	});

	it('announces an aborted run with the epoch it stopped at', () => {
		assert.equal(completionNotice(running, ended('aborted', { startedAt: '' }))?.message, 'focal_loss aborted · epoch 4/10');
	});

	it('announces a tracker-less run once its inferred status is completed', () => {
		const before = makeTrackerlessRun();
		const after = makeTrackerlessRun({ inferredStatus: 'completed', metricsFinished: true, currentEpoch: 15, lastActivityMs: nowMs });
		assert.deepEqual(completionNotice(before, after), { kind: 'completed', message: 'swinv2_hybrid completed · val_iou 0.551 · 2h 00m' });
	});

	it('says nothing when no run ended', () => {
		assert.equal(completionNotice(running, makeRunningRun({ currentEpoch: 5 })), undefined);
		assert.equal(completionNotice(ended('completed'), ended('completed')), undefined);
		assert.equal(completionNotice(ended('failed'), ended('completed')), undefined, 'an end after an end is not news');
		assert.equal(completionNotice(running, makeRunningRun({ stale: true, inferredStatus: 'stale' })), undefined);
		assert.equal(completionNotice(makeTrackerlessRun(), makeTrackerlessRun({ status: 'completed' })), undefined, 'an info file saying completed is not trusted');
	});

	it('says nothing about the user\'s own pending mark', () => {
		const marked = ended('aborted', { pendingEdits: [{ op: 'mark', at: isoAgo(minute), status: 'aborted' }] });
		assert.equal(completionNotice(running, marked), undefined);
		const trackerless = makeTrackerlessRun();
		const markedTrackerless = makeTrackerlessRun({ status: 'failed', statusSource: 'tracker', inferredStatus: 'failed', pendingEdits: [{ op: 'mark', at: isoAgo(minute), status: 'failed', reason: 'OOM' }] });
		assert.equal(completionNotice(trackerless, markedTrackerless), undefined);
	});
});
