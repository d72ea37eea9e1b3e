import * as path from 'node:path';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { pythonIsoNow } from '../../../../src/core/tracker/timestamps';

/** The fixed "now" of the view tests: Friday 4 Dec 2026, 16:00 local time. */
export const nowMs = new Date(2026, 11, 4, 16, 0, 0).getTime();

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/** A naive local ISO time as CrackSeg writes it, `msAgo` before {@link nowMs}. */
export function isoAgo(msAgo: number): string {
	return pythonIsoNow(nowMs - msAgo);
}

/**
 * A realistic summary: the spec's completed `unet_baseline` run (tracker file, 12 epochs,
 * best metrics), finished two hours before {@link nowMs}; override what a test is about.
 */
export function makeRun(overrides: Partial<RunSummary> = {}): RunSummary {
	const id = overrides.id ?? '20261204-120000-unet_baseline';
	const root = '/home/me/crackseg/artifacts';
	return {
		dir: path.posix.join(root, 'experiments', id),
		root,
		workspace: '/home/me/crackseg',
		layout: 'experiment',
		id,
		name: 'unet_baseline',
		status: 'completed',
		statusSource: 'tracker',
		inferredStatus: 'completed',
		stale: false,
		metricsFinished: true,
		description: 'U-Net baseline (CNN encoder) on unified crack dataset',
		tags: ['baseline', 'unet'],
		configHash: 'a3f1c2d4',
		createdAt: isoAgo(4 * hour),
		startedAt: isoAgo(4 * hour - 5_000),
		completedAt: isoAgo(2 * hour),
		currentEpoch: 12,
		totalEpochs: 12,
		bestMetrics: { val_loss: 0.3812, val_iou: 0.6634 },
		latestMetrics: {},
		trainingTimeSeconds: 7185,
		epochTimes: [],
		lastActivityMs: nowMs - 2 * hour,
		hasTrackerFile: true,
		pendingEdits: [],
		editsInFile: true,
		problems: [],
		...overrides,
	};
}

/** A run being trained right now: epoch 4 of 10, one epoch every 5 minutes, last change 1 minute ago. */
export function makeRunningRun(overrides: Partial<RunSummary> = {}): RunSummary {
	return makeRun({
		id: '20261204-153000-focal_loss',
		name: 'focal_loss',
		status: 'running',
		inferredStatus: 'running',
		metricsFinished: false,
		startedAt: isoAgo(21 * minute),
		createdAt: isoAgo(21 * minute),
		completedAt: '',
		currentEpoch: 4,
		totalEpochs: 10,
		bestMetrics: { val_iou: 0.6134 },
		trainingTimeSeconds: undefined,
		epochTimes: [
			{ epoch: 3, timestamp: isoAgo(6 * minute) },
			{ epoch: 4, timestamp: isoAgo(1 * minute) },
		],
		lastActivityMs: nowMs - minute,
		...overrides,
	});
}

/** A Trainer run without a tracker file: the info file says `created`, the metrics say otherwise. */
export function makeTrackerlessRun(overrides: Partial<RunSummary> = {}): RunSummary {
	return makeRun({
		id: '20261204-140000-swinv2_hybrid',
		name: 'swinv2_hybrid',
		status: 'created',
		statusSource: 'info',
		inferredStatus: 'running',
		metricsFinished: false,
		hasTrackerFile: false,
		description: '',
		tags: [],
		startedAt: isoAgo(2 * hour),
		completedAt: '',
		currentEpoch: 7,
		totalEpochs: 15,
		bestMetrics: {},
		latestMetrics: { train_loss: 0.21, val_iou: 0.5512 },
		trainingTimeSeconds: undefined,
		lastActivityMs: nowMs - 30_000,
		...overrides,
	});
}
