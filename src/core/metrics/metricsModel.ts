import { type Problem } from '../problems';
import { type MetricPhase } from './metricNames';

/** One value of a per-epoch curve. `value` is `NaN` where the run diverged (a gap in charts). */
export interface MetricPoint {
	/** 1-based epoch, as CrackSeg numbers them. */
	readonly epoch: number;
	readonly value: number;
}

/** One per-epoch curve: sorted by epoch, one point per epoch. */
export interface MetricSeries {
	/** Merge key, `<phase>_<family>` or the family for phase 'other' (see `canonicalMetricKey`): `val_iou`, `train_loss`, `learning_rate`. */
	readonly key: string;
	readonly family: string;
	readonly phase: MetricPhase;
	readonly points: MetricPoint[];
}

/** One per-batch curve on ExperimentLogger's global step (`(epoch - 1) * batches + batch`), sorted by step. */
export interface StepMetricSeries {
	/** e.g. `train_batch_loss` for the `train_batch/batch_loss` tag. */
	readonly key: string;
	readonly family: string;
	readonly phase: MetricPhase;
	readonly points: Array<{ readonly step: number; readonly value: number }>;
}

/** When an epoch was finished: the writer's naive local ISO timestamp, as written. */
export interface EpochTime {
	readonly epoch: number;
	readonly timestamp: string;
}

/** A best value; `epoch` when the source says (or the series shows) when it was reached. */
export interface BestMetric {
	readonly value: number;
	readonly epoch?: number;
}

/** Which writer produced a source, which decides its precedence when sources overlap. */
export type MetricsSourceKind =
	/** MetricsManager's `validation_metrics.jsonl`, `training_metrics.jsonl`, `test_metrics.jsonl`. */
	| 'phaseLog'
	/** MetricsManager's `summary.json`, rewritten every epoch. */
	| 'summary'
	/** MetricsManager's `complete_summary.json`, written when training ends. */
	| 'managerCompleteSummary'
	/** experiment_saver's `complete_summary.json`, written when a script finishes. */
	| 'saverCompleteSummary'
	/** ExperimentLogger's `metrics.jsonl`: one `{name, value, step, timestamp}` scalar per line. */
	| 'scalarLog'
	/** experiment_saver's `metrics.jsonl`: one row per epoch, zero-filled for epochs never run. */
	| 'saverEpochRows'
	/** ExperimentManager's `metrics_summary.json`: final values, no epochs. */
	| 'metricsSummary'
	/** experiment_saver's `validation_metrics.json`: final and best validation values. */
	| 'saverValidation';

/** A metric value at one epoch as one source gives it, already classified. */
export interface EpochValue {
	readonly key: string;
	readonly family: string;
	readonly phase: MetricPhase;
	readonly epoch: number;
	readonly value: number;
}

/** A metric value at one global step (per-batch values). */
export interface StepValue {
	readonly key: string;
	readonly family: string;
	readonly phase: MetricPhase;
	readonly step: number;
	readonly value: number;
}

/**
 * Everything one metrics file says, normalized; the output of every per-source parser.
 * Values keep file order (a later line for the same key and epoch is newer).
 */
export interface MetricsSourceData {
	/** Absolute path of the file. */
	readonly file: string;
	readonly kind: MetricsSourceKind;
	readonly epochValues: EpochValue[];
	readonly stepValues: StepValue[];
	/** Completion time per epoch, in file order. */
	readonly epochTimes: EpochTime[];
	/** The highest epoch this source shows as complete (validated, or summarized). */
	readonly lastCompleteEpoch?: number;
	/** The planned (or, once finished, actual) number of epochs, when this source records it. */
	readonly totalEpochs?: number;
	/** When training started (naive local ISO, as written). */
	readonly startedAt?: string;
	/** True for an end-of-training summary. */
	readonly finished: boolean;
	/** Best values as the writer recorded them, by merge key. */
	readonly bestMetrics: Record<string, BestMetric>;
	/** Final values (no epoch axis), by merge key. */
	readonly finalMetrics: Record<string, number>;
	readonly problems: Problem[];
}
