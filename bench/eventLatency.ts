import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { curveProfileFor, epochMetrics } from '../src/core/demo/demoMetrics';
import type { RunIndex } from '../src/core/index/runIndex';
import { TrackerDocument } from '../src/core/tracker/trackerDocument';
import { updateTrainingProgress } from '../src/core/tracker/trackerApi';
import type { GeneratedRun } from './generateRuns';
import { validationLineOf } from './runFiles';
import { sleep, quantile } from './stats';

/** How a write imitates the training process. */
export type WriteKind = 'append' | 'tracker';

/** Write → `changed` event latencies of one kind of write, in ms. */
export interface LatencyResult {
	readonly kind: WriteKind;
	readonly writes: number;
	readonly p50: number;
	readonly p95: number;
	readonly max: number;
	/** Writes whose event did not come within the timeout (not in the quantiles). */
	readonly missed: number;
}

const eventTimeoutMs = 5000;
/** Quiet time between writes, so one write's events never overlap the next. */
const gapMs = 20;

/** MetricsManager's next epoch: one validation_metrics.jsonl line appended (`open("a")`). */
function appendEpoch(run: GeneratedRun, attempt: number): void {
	const epoch = run.plan.epochsDone + 1 + attempt;
	const metrics = epochMetrics(curveProfileFor(run.plan.name, run.plan.totalEpochs), epoch);
	appendFileSync(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'), validationLineOf(run.plan, metrics));
}

/** `update_training_progress` then save: the whole tracker rewritten in place (`open("w")`, not atomic). */
function rewriteTracker(run: GeneratedRun): void {
	const file = path.join(run.dir, 'experiment_tracker.json');
	const doc = TrackerDocument.parse(readFileSync(file, 'utf8'))!;
	updateTrainingProgress(doc, { currentEpoch: (doc.getNumber('current_epoch') ?? 0) + 1, totalEpochs: Math.max(doc.getNumber('total_epochs') ?? 0, 1) + 1 });
	writeFileSync(file, doc.serialize());
}

/**
 * Writes to each of `runs` in turn, one write at a time, and times each from just before the
 * write to the index's `changed` event for that run (the watcher, the debounce and the re-read
 * included). The index must be loaded and watching.
 */
export async function measureEventLatency(index: RunIndex, runs: readonly GeneratedRun[], kind: WriteKind): Promise<LatencyResult> {
	let waiting: { dir: string; resolve: () => void } | undefined;
	const subscription = index.onDidChange((event) => {
		if (event.type === 'changed' && waiting && event.run.dir === waiting.dir) {
			waiting.resolve();
		}
	});
	const latencies: number[] = [];
	let missed = 0;
	try {
		for (const [attempt, run] of runs.entries()) {
			const seen = new Promise<boolean>((resolve) => {
				const timer = setTimeout(() => resolve(false), eventTimeoutMs);
				waiting = { dir: run.dir, resolve: () => { clearTimeout(timer); resolve(true); } };
			});
			const start = performance.now();
			if (kind === 'append') {
				appendEpoch(run, attempt);
			} else {
				rewriteTracker(run);
			}
			if (await seen) {
				latencies.push(performance.now() - start);
			} else {
				missed++;
			}
			waiting = undefined;
			await sleep(gapMs);
		}
	} finally {
		subscription.dispose();
	}
	return { kind, writes: runs.length, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: Math.max(...latencies), missed };
}
