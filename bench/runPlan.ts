/** How a generated run ended, as its tracker file records it. */
export type PlannedStatus = 'created' | 'running' | 'completed' | 'failed' | 'aborted';

/** What one generated run holds: decided from its index alone, so every scale has the same mix. */
export interface RunPlan {
	readonly index: number;
	/** ExperimentManager's `experiment_name` (repeats across runs, as real sweeps do). */
	readonly name: string;
	/** Creation time in epoch ms (runs are 10 minutes apart, so every id is unique). */
	readonly createdMs: number;
	readonly status: PlannedStatus;
	/** Has `experiment_tracker.json` (the rest are Trainer-only runs: info and metrics files). */
	readonly hasTracker: boolean;
	/** Has `metrics/validation_metrics.jsonl` and `metrics/summary.json` (plus complete_summary.json once finished). */
	readonly hasMetrics: boolean;
	/** Training diverged: bare `NaN` in the tracker's best_metrics and in the metrics files. */
	readonly diverged: boolean;
	readonly totalEpochs: number;
	/** Epochs logged so far (equal to totalEpochs for completed runs). */
	readonly epochsDone: number;
	/** Which of the precomputed configs the run was trained with. */
	readonly variant: number;
}

/** The first run's creation time: 2026-01-05 08:00 local. */
const firstRunMs = new Date(2026, 0, 5, 8, 0, 0).getTime();
const runSpacingMs = 10 * 60_000;
const sweepNames = ['unet_baseline', 'swinv2_hybrid', 'focal_loss_experiment', 'low_lr_experiment', 'augmentation_ablation', 'cbam_decoder', 'lr_sweep', 'aspp_dilation_study'];
const epochChoices = [10, 20, 30, 50];

/** A cheap integer hash, so the mix looks random but is the same on every run of the bench. */
function scramble(value: number, salt: number): number {
	let mixed = Math.imul(value ^ salt, 0x9e3779b1) >>> 0;
	mixed = Math.imul(mixed ^ (mixed >>> 15), 0x85ebca6b) >>> 0;
	return (mixed ^ (mixed >>> 13)) >>> 0;
}

function statusFor(index: number): PlannedStatus {
	const roll = scramble(index, 11) % 100;
	return roll < 55 ? 'completed' : roll < 67 ? 'failed' : roll < 72 ? 'aborted' : roll < 85 ? 'running' : 'created';
}

/**
 * The plan of run `index`. The mix: 3% Trainer-only runs (no tracker file; info, metrics and
 * config.json), about 30% of all runs with metrics files, about 2.5% diverged (NaN), and the
 * statuses 55% completed, 12% failed, 5% aborted, 13% running, 15% created.
 */
export function planRun(index: number): RunPlan {
	const trainerOnly = scramble(index, 3) % 100 < 3;
	const status: PlannedStatus = trainerOnly ? (scramble(index, 5) % 2 === 0 ? 'completed' : 'running') : statusFor(index);
	const diverged = status === 'failed' && scramble(index, 7) % 5 === 0;
	const hasMetrics = trainerOnly || diverged || (status !== 'created' && scramble(index, 13) % 100 < 30);
	const totalEpochs = epochChoices[scramble(index, 17) % epochChoices.length]!;
	const epochsDone = status === 'completed' ? totalEpochs : status === 'created' ? 0 : 1 + (scramble(index, 19) % totalEpochs);
	return {
		index,
		name: diverged ? 'high_lr_experiment' : sweepNames[scramble(index, 23) % sweepNames.length]!,
		createdMs: firstRunMs + index * runSpacingMs,
		status,
		hasTracker: !trainerOnly,
		hasMetrics,
		diverged,
		totalEpochs,
		epochsDone: diverged ? Math.max(epochsDone, 5) : epochsDone,
		variant: scramble(index, 29) % 4,
	};
}
