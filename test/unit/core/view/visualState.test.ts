import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { decodeTracker } from '../../../../src/core/format/decodeTracker';
import { problem } from '../../../../src/core/problems';
import { isLiveRun, runVisualState } from '../../../../src/core/view/visualState';
import { hour, makeRun, makeRunningRun, makeTrackerlessRun, nowMs } from './makeRun';

const trackerOf = (dir: string) => path.join(dir, 'experiment_tracker.json');

describe('view: run visual state', () => {
	it('shows the recorded status of a tracker file', () => {
		assert.equal(runVisualState(makeRun()), 'completed');
		assert.equal(runVisualState(makeRun({ status: 'failed', inferredStatus: 'failed' })), 'failed');
		assert.equal(runVisualState(makeRun({ status: 'aborted', inferredStatus: 'aborted' })), 'aborted');
		assert.equal(runVisualState(makeRun({ status: 'created', inferredStatus: 'created' })), 'created');
		assert.equal(runVisualState(makeRunningRun()), 'running');
		assert.equal(runVisualState(makeRun({ status: 'paused', inferredStatus: 'unknown' })), 'unknown');
	});

	it('shows a quiet running run as stale', () => {
		assert.equal(runVisualState(makeRunningRun({ stale: true, inferredStatus: 'stale', lastActivityMs: nowMs - 3 * hour })), 'stale');
	});

	it('shows the inferred status of a tracker-less run, not its info file status', () => {
		assert.equal(runVisualState(makeTrackerlessRun()), 'running');
		assert.equal(runVisualState(makeTrackerlessRun({ status: 'completed', inferredStatus: 'stale' })), 'stale', 'main.py crash: info says completed');
		assert.equal(runVisualState(makeTrackerlessRun({ inferredStatus: 'stale' })), 'stale');
		assert.equal(runVisualState(makeTrackerlessRun({ inferredStatus: 'completed', metricsFinished: true })), 'completed');
		assert.equal(runVisualState(makeTrackerlessRun({ status: '', statusSource: 'none', inferredStatus: 'created' })), 'created');
	});

	it('flags a run whose tracker file could not be read as a problem', () => {
		const base = makeRun({ status: 'created', statusSource: 'info', hasTrackerFile: false });
		for (const kind of ['corrupt', 'unreadable', 'encoding', 'tooLarge'] as const) {
			const run = { ...base, problems: [problem(kind, trackerOf(base.dir), 'cannot read')] };
			assert.equal(runVisualState(run), 'problem', kind);
		}
		const folder = { ...base, problems: [problem('unreadable', base.dir, 'The run folder cannot be read (EACCES).')] };
		assert.equal(runVisualState(folder), 'problem');
	});

	it('flags a tracker file whose top level is not an object, as decodeTracker reports it', () => {
		const run = makeRun({ status: 'created' });
		const decoded = decodeTracker([1, 2, 3], trackerOf(run.dir));
		assert.equal(runVisualState({ ...run, problems: decoded.problems }), 'problem');
	});

	it('does not flag problems that leave the tracker file readable', () => {
		const run = makeRun();
		const decoded = decodeTracker({ experiment_id: run.id, experiment_name: run.name, status: 'completed', current_epoch: 'three', extra: 1 }, trackerOf(run.dir));
		assert.ok(decoded.problems.some((entry) => entry.kind === 'invalidField'));
		assert.equal(runVisualState({ ...run, problems: decoded.problems }), 'completed');
		const bom = problem('encoding', trackerOf(run.dir), 'BOM', 'warning');
		const info = problem('corrupt', path.join(run.dir, 'experiment_info.json'), 'Not valid JSON');
		const metrics = problem('unreadable', path.join(run.dir, 'metrics', 'summary.json'), 'EACCES');
		const otherRun = problem('corrupt', trackerOf(`${run.dir}-copy`), 'Not valid JSON');
		assert.equal(runVisualState({ ...run, problems: [bom, info, metrics, otherRun] }), 'completed');
	});

	it('counts as live: tracker runs recorded running (stale too), tracker-less runs inferred running', () => {
		assert.equal(isLiveRun(makeRunningRun()), true);
		assert.equal(isLiveRun(makeRunningRun({ stale: true, inferredStatus: 'stale' })), true);
		assert.equal(isLiveRun(makeRun()), false);
		assert.equal(isLiveRun(makeTrackerlessRun()), true);
		assert.equal(isLiveRun(makeTrackerlessRun({ status: 'running', inferredStatus: 'completed' })), false, 'an info file saying running is not trusted');
		assert.equal(isLiveRun(makeTrackerlessRun({ inferredStatus: 'stale' })), false);
	});
});
