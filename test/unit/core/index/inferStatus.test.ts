import * as assert from 'node:assert/strict';
import { mkdtemp, rm, utimes } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanRuns } from '../../../../src/core/runs/scanRuns';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { writeEpochs, writeInfo, writeTracker } from './fixtures';

/** Makes every file of a run look last modified `minutes` ago. */
async function age(dir: string, minutes: number): Promise<void> {
	const when = new Date(Date.now() - minutes * 60_000);
	for (const file of ['experiment_info.json', 'experiment_tracker.json', 'metrics/validation_metrics.jsonl', 'metrics/complete_summary.json']) {
		await utimes(path.join(dir, file), when, when).catch(() => undefined);
	}
}

describe('status of runs without a tracker file (inferred from their files)', () => {
	let ws: string;
	const experiments = () => path.join(ws, 'artifacts', 'experiments');
	const scan = async () => {
		const { runs } = await scanRuns([{ root: path.join(ws, 'artifacts'), workspace: ws }], { staleMinutes: 10 });
		return Object.fromEntries(runs.map((run) => [run.name, run])) as Record<string, RunSummary>;
	};

	before(async () => {
		ws = await mkdtemp(path.join(os.tmpdir(), 'exptrack-infer-'));
		const dir = (name: string) => path.join(experiments(), `20261201-100000-${name}`);
		// A Trainer run writing right now: info says "created" all run long.
		await writeInfo(dir('training'), '20261201-100000-training', 'created');
		await writeEpochs(dir('training'), 3);
		// Epochs stopped long ago: stale.
		await writeInfo(dir('stopped'), '20261201-100000-stopped', 'created');
		await writeEpochs(dir('stopped'), 4);
		await age(dir('stopped'), 60);
		// The end-of-training summary exists: completed.
		await writeInfo(dir('finished'), '20261201-100000-finished', 'created');
		await writeEpochs(dir('finished'), 5, { complete: true });
		await age(dir('finished'), 60);
		// main.py crashed: info says "completed", metrics stopped at 2 of 10 epochs, no summary.
		await writeInfo(dir('crashed'), '20261201-100000-crashed', 'completed');
		await writeEpochs(dir('crashed'), 2);
		await age(dir('crashed'), 60);
		// Never trained.
		await writeInfo(dir('fresh'), '20261201-100000-fresh', 'created');
		await age(dir('fresh'), 60);
		// With a tracker file, its status is trusted; running but silent for an hour is stale.
		await writeTracker(dir('tracked'), '20261201-100000-tracked', { status: 'running', current: 3, total: 10 });
		await age(dir('tracked'), 60);
	});

	after(async () => {
		await rm(ws, { recursive: true, force: true });
	});

	it('keeps the recorded status and shows the inferred one beside it', async () => {
		const runs = await scan();
		const statuses = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, [run.status, run.inferredStatus]]));
		assert.deepEqual(statuses, {
			training: ['created', 'running'],
			stopped: ['created', 'stale'],
			finished: ['created', 'completed'],
			crashed: ['completed', 'stale'],
			fresh: ['created', 'created'],
			tracked: ['running', 'stale'],
		});
		assert.equal(runs.tracked!.stale, true);
		assert.equal(runs.training!.stale, false);
	});

	it('takes progress from the metrics when there is no tracker file', async () => {
		const runs = await scan();
		assert.equal(runs.training!.currentEpoch, 3);
		assert.equal(runs.finished!.totalEpochs, 5);
		assert.equal(runs.training!.latestMetrics.val_iou, 0.15);
		assert.deepEqual(runs.training!.epochTimes.map((stamp) => stamp.epoch), [1, 2, 3]);
	});
});
