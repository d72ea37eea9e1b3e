import * as assert from 'node:assert/strict';
import { problem } from '../../../../src/core/problems';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { filterSummary } from '../../../../src/core/view/filterSummary';
import { groupRuns, type RunGroup } from '../../../../src/core/view/grouping';
import { pythonIsoNow } from '../../../../src/core/tracker/timestamps';
import { day, hour, isoAgo, makeRun, makeRunningRun, makeTrackerlessRun, nowMs } from './makeRun';

const shape = (groups: readonly RunGroup[]) => groups.map((group) => [group.key, group.label, group.runs.map((run) => run.id)]);
const named = (id: string, overrides: Partial<RunSummary> = {}) => makeRun({ id, ...overrides });

describe('view: run groups', () => {
	it('groups by visual state, attention first, leaving out empty groups', () => {
		const broken = makeRun({ id: 'broken', status: '', statusSource: 'none', inferredStatus: 'created' });
		const runs = [
			named('done-1'),
			makeRunningRun({ id: 'live' }),
			named('failed', { status: 'failed', inferredStatus: 'failed' }),
			named('done-2'),
			makeRunningRun({ id: 'quiet', stale: true, inferredStatus: 'stale' }),
			named('odd', { status: 'paused', inferredStatus: 'unknown' }),
			{ ...broken, problems: [problem('corrupt', `${broken.dir}/experiment_tracker.json`, 'Not valid JSON')] },
		];
		assert.deepEqual(shape(groupRuns(runs, 'status', nowMs)), [
			['status:running', 'Running', ['live']],
			['status:stale', 'Stale', ['quiet']],
			['status:failed', 'Failed', ['failed']],
			['status:completed', 'Completed', ['done-1', 'done-2']],
			['status:problem', 'Problems', ['broken']],
			['status:unknown', 'Other', ['odd']],
		]);
	});

	it('puts tracker-less runs under their inferred status', () => {
		assert.deepEqual(shape(groupRuns([makeTrackerlessRun({ id: 't' })], 'status', nowMs)), [['status:running', 'Running', ['t']]]);
	});

	it('groups by local creation day, newest first, Today and Yesterday by name, unknown last', () => {
		const runs = [
			named('no-time', { createdAt: '' }),
			named('old', { createdAt: pythonIsoNow(new Date(2026, 10, 30, 23, 59, 59).getTime()) }),
			named('today-morning', { createdAt: isoAgo(15 * hour + 59 * 60_000) }),
			named('yesterday-late', { createdAt: pythonIsoNow(new Date(2026, 11, 3, 23, 59, 59).getTime()) }),
			named('today-now', { createdAt: isoAgo(0) }),
			named('week', { createdAt: isoAgo(2 * day) }),
		];
		assert.deepEqual(shape(groupRuns(runs, 'day', nowMs)), [
			['day:2026-12-04', 'Today', ['today-morning', 'today-now']],
			['day:2026-12-03', 'Yesterday', ['yesterday-late']],
			['day:2026-12-02', 'Wed 2 Dec 2026', ['week']],
			['day:2026-11-30', 'Mon 30 Nov 2026', ['old']],
			['day:unknown', 'Unknown date', ['no-time']],
		]);
	});

	it('keeps a day group\'s key when its label changes the next day', () => {
		const run = named('r', { createdAt: isoAgo(hour) });
		const [today] = groupRuns([run], 'day', nowMs);
		const [tomorrow] = groupRuns([run], 'day', nowMs + day);
		assert.equal(today?.key, tomorrow?.key);
		assert.deepEqual([today?.label, tomorrow?.label], ['Today', 'Yesterday']);
	});

	it('puts a run under each of its tags, once, and untagged runs last', () => {
		const runs = [
			named('a', { tags: ['unet', 'baseline', 'unet'] }),
			named('b', { tags: [] }),
			named('c', { tags: ['lr-sweep', 'unet'] }),
			named('d', { tags: ['Untagged'] }),
		];
		assert.deepEqual(shape(groupRuns(runs, 'tag', nowMs)), [
			['tag:baseline', 'baseline', ['a']],
			['tag:lr-sweep', 'lr-sweep', ['c']],
			['tag:unet', 'unet', ['a', 'c']],
			['tag:Untagged', 'Untagged', ['d']],
			['untagged', 'Untagged', ['b']],
		]);
	});

	it('sorts tags naturally and names a blank tag', () => {
		const groups = groupRuns([named('a', { tags: ['lr10', 'lr2', ' '] })], 'tag', nowMs);
		assert.deepEqual(groups.map((group) => group.label), ['(blank tag)', 'lr2', 'lr10']);
	});

	it('keeps every run flat in one group for none, and gives nothing for no runs', () => {
		const runs = [named('z'), named('a')];
		assert.deepEqual(shape(groupRuns(runs, 'none', nowMs)), [['all', 'All runs', ['z', 'a']]]);
		for (const by of ['status', 'day', 'tag', 'none'] as const) {
			assert.deepEqual(groupRuns([], by, nowMs), [], by);
		}
	});
});

describe('view: filter summary', () => {
	it('says how many runs match the filter', () => {
		assert.equal(filterSummary(12, 3, 'unet'), '3 of 12 match "unet"');
		assert.equal(filterSummary(12, 1, 'unet'), '1 of 12 matches "unet"');
		assert.equal(filterSummary(12, 0, 'resnet'), 'none of 12 match "resnet"');
	});

	it('counts runs without a filter and says nothing without runs', () => {
		assert.equal(filterSummary(12, 12, ''), '12 runs');
		assert.equal(filterSummary(1, 1, '  '), '1 run');
		assert.equal(filterSummary(0, 0, 'unet'), '');
	});

	it('keeps long or multi-line filter text on one short line', () => {
		assert.equal(filterSummary(5, 2, 'a\nb'), '2 of 5 match "a b"');
		assert.equal(filterSummary(5, 2, 'x'.repeat(50)), `2 of 5 match "${'x'.repeat(29)}…"`);
	});
});
