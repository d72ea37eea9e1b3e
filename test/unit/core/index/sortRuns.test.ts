import * as assert from 'node:assert/strict';
import { sortRuns } from '../../../../src/core/index/runQuery';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { hour, isoAgo, makeRun, nowMs } from '../view/makeRun';

const ids = (runs: readonly RunSummary[]): string[] => runs.map((run) => run.id);

describe('sorting runs', () => {
	it('puts the newest first, a run without a creation time by its last activity, ties by id', () => {
		const runs = [
			makeRun({ id: 'b-old', createdAt: isoAgo(5 * hour) }),
			// Active two days after the others: newer than any of them in every time zone.
			makeRun({ id: 'no-time', createdAt: '', lastActivityMs: nowMs + 48 * hour }),
			makeRun({ id: 'a-new', createdAt: isoAgo(hour) }),
			makeRun({ id: 'a-old', createdAt: isoAgo(5 * hour) }),
		];
		assert.deepEqual(ids(sortRuns(runs, 'newest')), ['no-time', 'a-new', 'a-old', 'b-old']);
		assert.deepEqual(ids(sortRuns(runs, 'oldest')), ['a-old', 'b-old', 'a-new', 'no-time']);
	});

	it('orders names naturally (run2 before run10), ties by id', () => {
		const runs = ['run10', 'run2', 'Run1', 'run2'].map((name, index) => makeRun({ id: `id${3 - index}`, name }));
		assert.deepEqual(sortRuns(runs, 'name').map((run) => `${run.name}/${run.id}`), ['Run1/id1', 'run2/id0', 'run2/id2', 'run10/id3']);
	});

	it('puts the best metric first (lower for a loss), runs without it or with NaN last', () => {
		const runs = [
			makeRun({ id: 'r1', bestMetrics: { val_loss: 0.3 } }),
			makeRun({ id: 'r2', bestMetrics: {}, latestMetrics: {} }),
			makeRun({ id: 'r3', bestMetrics: { val_loss: 0.1 } }),
			makeRun({ id: 'r4', bestMetrics: { val_loss: Number.NaN } }),
			makeRun({ id: 'r5', bestMetrics: {}, latestMetrics: { val_loss: 0.2 } }),
		];
		assert.deepEqual(ids(sortRuns(runs, 'metric', 'val_loss')), ['r3', 'r5', 'r1', 'r2', 'r4']);
		const iou = [makeRun({ id: 'low', bestMetrics: { val_iou: 0.4 } }), makeRun({ id: 'high', bestMetrics: { val_iou: 0.7 } })];
		assert.deepEqual(ids(sortRuns(iou, 'metric')), ['high', 'low']);
	});
});
