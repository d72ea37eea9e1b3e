import * as z from 'zod';

/**
 * The shapes of the metrics files CrackSeg's writers leave (spec §5), as zod schemas: the
 * boundary check each metrics reader runs before it reads a line or a document. Objects are
 * loose (writers add keys over time); nested metric maps stay `unknown` here because each value
 * is checked one by one (a NaN or a string in one metric must not hide the others).
 */

const epoch = z.number().int();
const metricMap = z.record(z.string(), z.unknown());
const optionalText = z.string().optional();

/** MetricsManager's per-epoch line (`validation_metrics.jsonl`, `training_…`, `test_…`). */
export const phaseLogLineSchema = z.looseObject({
	timestamp: optionalText,
	epoch,
	step: z.unknown().optional(),
	phase: z.string().optional(),
	metrics: metricMap,
});

/** One entry of summary.json's `metric_history` / complete_summary.json's `epoch_summaries`. */
export const epochSummarySchema = z.looseObject({
	timestamp: optionalText,
	epoch,
	train_metrics: metricMap.optional(),
	val_metrics: metricMap.optional(),
	learning_rate: z.unknown().optional(),
});

/** MetricsManager's `summary.json`, rewritten whole every epoch. */
export const summarySchema = z.looseObject({
	experiment_start: optionalText,
	total_epochs: epoch.optional(),
	best_metrics: z.unknown().optional(),
	metric_history: z.unknown().optional(),
});

/** MetricsManager's `complete_summary.json`, written when `Trainer.train()` ends. */
export const managerCompleteSummarySchema = z.looseObject({
	experiment_info: z.looseObject({ directory: optionalText, start_time: optionalText, total_epochs: epoch.optional() }).optional(),
	best_metrics: z.unknown().optional(),
	epoch_summaries: z.unknown().optional(),
	available_metrics: z.unknown().optional(),
});

/** experiment_saver's `complete_summary.json` (a different writer, same file name). */
export const saverCompleteSummarySchema = z.looseObject({
	experiment_name: z.unknown().optional(),
	training_epochs: z.unknown().optional(),
	final_metrics: metricMap.optional(),
	best_epoch: z.unknown().optional(),
	total_training_time: z.unknown().optional(),
	timestamp: z.unknown().optional(),
	hardware_info: z.unknown().optional(),
});

/** ExperimentLogger's scalar line in `metrics.jsonl` (`value` may be any JSON). */
export const loggerScalarSchema = z.looseObject({
	name: z.string(),
	value: z.unknown(),
	step: z.unknown().optional(),
	timestamp: z.unknown().optional(),
});

/** experiment_saver's per-epoch row in `metrics.jsonl`: `{epoch, train_loss, val_*, …, timestamp}`. */
export const saverEpochRowSchema = z.looseObject({ epoch, timestamp: z.unknown().optional() });

/** experiment_saver's `validation_metrics.json`. */
export const saverValidationSchema = z.looseObject({
	final_validation: metricMap.optional(),
	best_validation: metricMap.optional(),
}).refine((value) => value.final_validation !== undefined || value.best_validation !== undefined);

/** ExperimentManager's `metrics_summary.json`: `{**metrics, timestamp, experiment_id}`. */
export const metricsSummarySchema = z.looseObject({ timestamp: z.unknown().optional(), experiment_id: z.unknown().optional() });
