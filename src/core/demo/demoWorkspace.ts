import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildArtifactManagerRun } from './artifactManagerRun';
import { crackSegConfig } from './demoConfigs';
import { cpuEnvironment, laptopEnvironment, workstationEnvironment } from './demoEnvironment';
import { buildLiveRun } from './liveRun';
import { createManagerRun, type DemoRoot } from './managerRun';
import { buildTrackedRun } from './trackedRun';
import { VirtualClock } from './trainingClock';
import { buildCrashedMainRun, buildTrainerOnlyRun } from './untrackedRuns';

/** What each demo run shows. */
export type DemoRunKind =
	| 'completed' | 'failed' | 'aborted' | 'running'
	/** experiment_tracker.json is 0 bytes (constructed, never saved). */
	| 'createdOnly'
	/** experiment_tracker.json holds the first 60% of a save. */
	| 'corruptTracker'
	/** No tracker: experiment_info.json "created", metrics complete, configurations/ yaml. */
	| 'trainerOnly'
	/** No tracker: metrics stop mid-way, experiment_info.json says "completed" (main.py crash). */
	| 'crashedMain'
	/** An ArtifactManager `experiment_<ts>` folder. */
	| 'artifactManager';

/** One run of the demo workspace. */
export interface DemoRun {
	/** Folder name: the experiment id. */
	readonly id: string;
	readonly name: string;
	/** Absolute folder. */
	readonly dir: string;
	readonly kind: DemoRunKind;
}

/** What {@link createDemoWorkspace} made. */
export interface DemoWorkspace {
	readonly workspace: string;
	/** `<workspace>/artifacts`. */
	readonly root: string;
	/** Oldest first. */
	readonly runs: readonly DemoRun[];
	/** The running `focal_loss_experiment`, for the live trainer. */
	readonly liveRunDir: string;
}

/** Options of {@link createDemoWorkspace}. */
export interface DemoWorkspaceOptions {
	/** "Now" for the generated history (default: the current time). */
	readonly now?: Date;
	/** Total epochs of the running run (default 15); it has 2 done. */
	readonly liveTotalEpochs?: number;
	/** Wall time of one of its epochs so far, in ms (default 1000, the trainer's default interval). */
	readonly liveIntervalMs?: number;
}

/** Epoch ms of `hh:mm:ss` local time `daysAgo` days before `now`, plus a sub-second part. */
function daysAgo(now: Date, days: number, hours: number, minutes: number, seconds: number): number {
	const date = new Date(now);
	date.setDate(date.getDate() - days);
	date.setHours(hours, minutes, seconds, 0);
	// A sub-second part that differs from run to run, as real start times do.
	return date.getTime() + ((hours * 3600 + minutes * 60 + seconds) * 7919) % 997 + 0.482;
}

const unet = (name: string, epochs: number, learningRate = 0.001) => crackSegConfig({ experimentName: name, architecture: 'unet', epochs, learningRate, batchSize: 8, loss: 'bce_dice' });
const swinv2 = (name: string, epochs: number, imageSize = 256) => crackSegConfig({ experimentName: name, architecture: 'swinv2', epochs, learningRate: 0.0001, batchSize: 4, loss: 'bce_dice', imageSize });

/**
 * Recreates `<workspace>/artifacts/` (deleting only that folder) with runs of every kind CrackSeg
 * leaves, spread over the last six days, byte-compatible with what its Python writers produce
 * (spec §1–§7): ExperimentManager runs with and without a tracker, completed, failed and
 * diverged, aborted, created-only (0-byte tracker), torn tracker, Trainer-only, a crashed main.py
 * run listed twice in the registry, an ArtifactManager folder, and one running run for the live
 * trainer to advance.
 */
export async function createDemoWorkspace(workspace: string, options: DemoWorkspaceOptions = {}): Promise<DemoWorkspace> {
	const now = options.now ?? new Date();
	const where: DemoRoot = { workspace, root: path.join(workspace, 'artifacts') };
	await rm(where.root, { recursive: true, force: true });
	const runs: DemoRun[] = [];
	const add = (run: { id: string; dir: string }, name: string, kind: DemoRunKind) => runs.push({ id: run.id, name, dir: run.dir, kind });
	// Every finished run's files get the modification time its simulated writer left: otherwise
	// they all look written a moment ago, which is what "running" looks like.
	const finishedAt = new Map<string, number>();
	const ended = <T extends { dir: string }>(run: T, startMs: number, epochs: number, epochMs: number): T => {
		finishedAt.set(run.dir, startMs + epochs * epochMs + 30_000);
		return run;
	};

	const crashError = 'RuntimeError: DataLoader worker (pid 48213) is killed by signal: Killed.';
	add(ended(await buildCrashedMainRun(where, { name: 'main_experiment', startMs: daysAgo(now, 6, 10, 12, 5), config: unet('main_experiment', 20), totalEpochs: 20, epochs: 3, epochMs: 140_000, environment: workstationEnvironment }, crashError), daysAgo(now, 6, 10, 12, 5), 3, 140_000), 'main_experiment', 'crashedMain');
	add(ended(await buildTrackedRun(where, {
		name: 'unet_baseline', startMs: daysAgo(now, 4, 9, 41, 17), config: unet('unet_baseline', 12), totalEpochs: 12, epochs: 12, epochMs: 48_000,
		environment: workstationEnvironment, description: 'U-Net baseline (CNN encoder) on unified crack dataset', tags: ['baseline', 'unet', 'bce_dice'], ending: { kind: 'complete' },
	}), daysAgo(now, 4, 9, 41, 17), 12, 48_000), 'unet_baseline', 'completed');
	add(ended(await buildTrackedRun(where, {
		name: 'swinv2_hybrid', startMs: daysAgo(now, 3, 11, 5, 52), config: swinv2('swinv2_hybrid', 15), totalEpochs: 15, epochs: 15, epochMs: 131_000,
		environment: workstationEnvironment, description: 'SwinV2-T encoder + ASPP bottleneck + CNN decoder with CBAM', tags: ['swinv2', 'hybrid', 'aspp'], ending: { kind: 'complete' },
	}), daysAgo(now, 3, 11, 5, 52), 15, 131_000), 'swinv2_hybrid', 'completed');
	add(ended(await buildTrackedRun(where, {
		name: 'high_lr_experiment', startMs: daysAgo(now, 3, 16, 20, 9), config: unet('high_lr_experiment', 10, 0.1), totalEpochs: 10, epochs: 5, epochMs: 47_000,
		environment: workstationEnvironment, description: 'Learning-rate sweep: Adam at lr=0.1',
		ending: { kind: 'fail', message: 'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB', tags: ['lr-sweep'] },
	}), daysAgo(now, 3, 16, 20, 9), 5, 47_000), 'high_lr_experiment', 'failed');
	add(ended(await buildTrackedRun(where, {
		name: 'low_lr_experiment', startMs: daysAgo(now, 2, 8, 55, 31), config: unet('low_lr_experiment', 10, 0.00001), totalEpochs: 10, epochs: 1, epochMs: 63_000,
		environment: laptopEnvironment, description: 'Learning-rate sweep: Adam at lr=1e-05 (portátil)', tags: ['lr-sweep'], ending: { kind: 'abort' },
	}), daysAgo(now, 2, 8, 55, 31), 1, 63_000), 'low_lr_experiment', 'aborted');
	const exported = await buildArtifactManagerRun(where, { startMs: daysAgo(now, 2, 14, 2, 44), trackerName: 'swinv2_export', config: swinv2('swinv2_export', 8), environment: workstationEnvironment, epochs: 8 });
	add(ended(exported, daysAgo(now, 2, 14, 2, 44), 8, 60_000), 'swinv2_export', 'artifactManager');
	add(ended(await buildTrainerOnlyRun(where, { name: 'swinv2_360x360', startMs: daysAgo(now, 1, 9, 30, 12), config: swinv2('swinv2_360x360', 10, 360), totalEpochs: 10, epochs: 10, epochMs: 160_000, environment: workstationEnvironment }), daysAgo(now, 1, 9, 30, 12), 10, 160_000), 'swinv2_360x360', 'trainerOnly');
	const createdClock = new VirtualClock(daysAgo(now, 1, 13, 47, 26));
	const createdOnly = await createManagerRun(where, { name: 'created_only_experiment', clock: createdClock, config: unet('created_only_experiment', 10), saveConfig: true });
	// ExperimentTracker's constructor opens the file for writing before it has metadata (spec §0.3).
	await writeFile(path.join(createdOnly.dir, 'experiment_tracker.json'), '');
	add(ended(createdOnly, daysAgo(now, 1, 13, 47, 26), 0, 0), createdOnly.name, 'createdOnly');
	add(ended(await buildTrackedRun(where, {
		name: 'torn_save_experiment', startMs: daysAgo(now, 1, 15, 10, 3), config: unet('torn_save_experiment', 12, 0.0003), totalEpochs: 12, epochs: 4, epochMs: 52_000,
		environment: cpuEnvironment, description: 'U-Net at lr=3e-4 on the CPU runner (smoke test of the training loop)', tags: ['unet', 'cpu'], ending: { kind: 'torn' },
	}), daysAgo(now, 1, 15, 10, 3), 4, 52_000), 'torn_save_experiment', 'corruptTracker');
	const live = await buildLiveRun(where, { now: now.getTime(), totalEpochs: options.liveTotalEpochs ?? 15, epochsDone: 2, intervalMs: options.liveIntervalMs ?? 1000 });
	add(live, live.name, 'running');
	await Promise.all([...finishedAt].map(([dir, ms]) => backdate(dir, ms)));
	return { workspace, root: where.root, runs, liveRunDir: live.dir };
}

/** Sets the modification time of every file and folder under `dir` to `ms`. */
async function backdate(dir: string, ms: number): Promise<void> {
	const when = new Date(ms);
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	await Promise.all(entries.map((entry) => utimes(path.join(entry.parentPath, entry.name), when, when)));
	await utimes(dir, when, when);
}
