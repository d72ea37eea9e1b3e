import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { TrackerDocument } from '../tracker/trackerDocument';
import { buildLiveRun } from './liveRun';
import type { DemoRoot } from './managerRun';
import { startTrainer } from './startTrainer';

/** Options of {@link keepTraining}. */
export interface LiveTrainingOptions {
	/** Wall time of one epoch, in ms (default 1000). */
	readonly intervalMs?: number;
	/** Total epochs of each fresh run started after one completes (default 300). */
	readonly freshRunEpochs?: number;
	/** Start trainers as process-group leaders (default true), so a supervisor can kill each group. */
	readonly detached?: boolean;
	/** Called for each trainer started, with its run folder: track the process, say which run is live. */
	readonly onTrainer?: (child: ChildProcess, runDir: string) => void;
	/** A fresh run could not be created; the loop stops. */
	readonly onError?: (error: unknown) => void;
}

/** The loop started by {@link keepTraining}. */
export interface LiveTraining {
	/** The run folder trained now (or last). */
	readonly runDir: () => string;
	/** Starts no further run; the current trainer is left to its owner (its group is tracked by `onTrainer`). */
	stop(): void;
}

async function completed(runDir: string): Promise<boolean> {
	const text = await readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8').catch(() => '');
	return TrackerDocument.parse(text)?.getString('status') === 'completed';
}

/**
 * Keeps one demo run training live: starts the trainer on `runDir`, and each time a run completes,
 * creates a fresh running `focal_loss_experiment` (new timestamp, `freshRunEpochs` epochs) under
 * `where.root` and trains that one. A trainer that fails, or is stopped, ends the loop.
 */
export function keepTraining(where: DemoRoot, runDir: string, options: LiveTrainingOptions = {}): LiveTraining {
	const intervalMs = options.intervalMs ?? 1000;
	let current = runDir;
	let stopped = false;
	const train = (dir: string) => {
		current = dir;
		const child = startTrainer(dir, { intervalMs, detached: options.detached ?? true });
		child.once('exit', (code) => {
			void (async () => {
				if (stopped || code !== 0 || !(await completed(dir))) {
					return;
				}
				const fresh = await buildLiveRun(where, { now: Date.now(), totalEpochs: options.freshRunEpochs ?? 300, epochsDone: 0, intervalMs });
				if (!stopped) {
					train(fresh.dir);
				}
			})().catch((error: unknown) => options.onError?.(error));
		});
		options.onTrainer?.(child, dir);
	};
	train(runDir);
	return {
		runDir: () => current,
		stop: () => {
			stopped = true;
		},
	};
}
