import { metricsSummarySchema, saverCompleteSummarySchema, saverValidationSchema } from '../format/metricsSchemas';
import { type PlainObject, wholeNumber } from './jsonText';
import { type MetricsSourceData } from './metricsModel';
import { SourceBuilder } from './sourceBuilder';

/**
 * Parses experiment_saver's `complete_summary.json`: `{"experiment_name", "project_name",
 * "model_type", "dataset", "training_epochs", "batch_size", "learning_rate", "final_metrics",
 * "best_epoch", "total_training_time", "timestamp", "hardware_info"}`. `training_epochs` is the
 * configured count; `final_metrics` become final values (validation metrics, names kept).
 * Its presence means the script finished.
 */
export function parseSaverCompleteSummary(document: PlainObject, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'saverCompleteSummary');
	builder.finished = true;
	const parsed = saverCompleteSummarySchema.safeParse(document);
	const total = wholeNumber(document.training_epochs);
	builder.totalEpochs = total !== undefined && total > 0 ? total : undefined;
	if (!parsed.success) {
		builder.invalid('"final_metrics" is not an object', 'final_metrics');
		return builder.build();
	}
	builder.finalObject(parsed.data.final_metrics, 'val');
	return builder.build();
}

/**
 * Parses experiment_saver's `validation_metrics.json`: `{"final_validation": {val_* …},
 * "best_validation": {"epoch": n, <unprefixed metrics>}}`. Final values become final metrics;
 * the best-epoch values become recorded best metrics at that epoch.
 */
export function parseSaverValidation(document: unknown, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'saverValidation');
	const parsed = saverValidationSchema.safeParse(document);
	if (!parsed.success) {
		builder.invalid('validation_metrics.json has no "final_validation" or "best_validation" object', 'top level');
		return builder.build();
	}
	builder.finalObject(parsed.data.final_validation, 'val');
	const best = parsed.data.best_validation ?? {};
	const epoch = wholeNumber(best.epoch);
	for (const [name, value] of Object.entries(best)) {
		if (name !== 'epoch' && typeof value === 'number') {
			builder.best(name, value, 'val', epoch);
		}
	}
	return builder.build();
}

const summaryFields = new Set(['timestamp', 'experiment_id']);

/**
 * Parses ExperimentManager's `metrics_summary.json`: `{**metrics, "timestamp", "experiment_id"}`.
 * Its numeric entries are final values (names as written, no phase implied).
 */
export function parseMetricsSummary(document: unknown, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'metricsSummary');
	const parsed = metricsSummarySchema.safeParse(document);
	if (!parsed.success) {
		builder.invalid('metrics_summary.json is not a JSON object', 'top level');
		return builder.build();
	}
	builder.finalObject(parsed.data, undefined, summaryFields);
	return builder.build();
}
