import { epochSummarySchema, managerCompleteSummarySchema, summarySchema } from '../format/metricsSchemas';
import { isPlainObject, nonEmptyString, type PlainObject } from './jsonText';
import { type MetricsSourceData } from './metricsModel';
import { parseSaverCompleteSummary } from './saverSources';
import { SourceBuilder } from './sourceBuilder';

/**
 * Parses MetricsManager's `summary.json`: `{"experiment_start", "total_epochs", "best_metrics":
 * {name: {value, epoch, timestamp}}, "metric_history": [{timestamp, epoch, train_metrics,
 * val_metrics, learning_rate|null}]}`. `val_metrics` and `best_metrics` names have the `val_`
 * prefix stripped (the Trainer does it), so they are read as validation metrics; `train_metrics`
 * as training ones. NOTE: MetricsManager sets `total_epochs` to the highest epoch logged so far
 * (`max(total_epochs, epoch)`), not the planned count, so it is read as the last complete epoch,
 * never as `totalEpochs`: a running run would otherwise look finished.
 */
export function parseSummary(document: unknown, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'summary');
	const parsed = summarySchema.safeParse(document);
	if (!parsed.success) {
		builder.invalid(isPlainObject(document) ? 'summary.json has an "experiment_start" or "total_epochs" of the wrong type' : 'summary.json is not a JSON object', 'top level');
		return builder.build();
	}
	builder.startedAt = nonEmptyString(parsed.data.experiment_start);
	const logged = parsed.data.total_epochs;
	if (logged !== undefined && logged > 0) {
		builder.completeEpoch(logged);
	}
	addBestMetrics(builder, parsed.data.best_metrics);
	addHistory(builder, parsed.data.metric_history, 'metric_history');
	return builder.build();
}

/**
 * Parses `complete_summary.json`, telling its two writers apart by their keys: MetricsManager's
 * end-of-training `{"experiment_info": {directory, start_time, total_epochs}, "best_metrics",
 * "epoch_summaries", "available_metrics"}` (its `total_epochs` is the number of epochs actually
 * run, early stopping included), or experiment_saver's (see `parseSaverCompleteSummary`). Either
 * one means training finished. Any other shape gives one 'invalidField' problem.
 */
export function parseCompleteSummary(document: unknown, file: string): MetricsSourceData {
	if (isPlainObject(document) && ('experiment_info' in document || 'epoch_summaries' in document)) {
		return parseManagerCompleteSummary(document, file);
	}
	if (isPlainObject(document) && ('final_metrics' in document || 'training_epochs' in document || 'best_epoch' in document)) {
		return parseSaverCompleteSummary(document, file);
	}
	const builder = new SourceBuilder(file, 'managerCompleteSummary');
	builder.invalid('complete_summary.json has neither MetricsManager\'s keys (experiment_info, epoch_summaries) nor experiment_saver\'s (final_metrics, training_epochs)', 'top level');
	return builder.build();
}

function parseManagerCompleteSummary(document: PlainObject, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'managerCompleteSummary');
	// Its presence alone means training ended, whatever its content.
	builder.finished = true;
	const parsed = managerCompleteSummarySchema.safeParse(document);
	if (!parsed.success) {
		builder.invalid('complete_summary.json\'s "experiment_info" is not MetricsManager\'s {directory, start_time, total_epochs}', 'experiment_info');
		return builder.build();
	}
	const info = parsed.data.experiment_info ?? {};
	builder.startedAt = nonEmptyString(info.start_time);
	const total = info.total_epochs;
	builder.totalEpochs = total !== undefined && total > 0 ? total : undefined;
	addBestMetrics(builder, parsed.data.best_metrics);
	addHistory(builder, parsed.data.epoch_summaries, 'epoch_summaries');
	return builder.build();
}

function addBestMetrics(builder: SourceBuilder, best: unknown): void {
	if (best === undefined) {
		return;
	}
	if (!isPlainObject(best)) {
		builder.invalid('"best_metrics" is not an object', 'best_metrics');
		return;
	}
	for (const [name, entry] of Object.entries(best)) {
		builder.best(name, entry, 'val');
	}
}

/** MetricsManager's epoch summaries (`metric_history` in summary.json, `epoch_summaries` at the end). */
function addHistory(builder: SourceBuilder, history: unknown, field: string): void {
	if (history === undefined) {
		return;
	}
	if (!Array.isArray(history)) {
		builder.invalid(`"${field}" is not a list`, field);
		return;
	}
	history.forEach((item: unknown, index) => {
		const entry = epochSummarySchema.safeParse(item);
		if (!entry.success) {
			builder.invalid(`An entry of "${field}" has no integer "epoch" (or metrics that are not objects)`, `${field}[${index}]`);
			return;
		}
		const { epoch } = entry.data;
		builder.epochObject(entry.data.train_metrics, epoch, 'train');
		builder.epochObject(entry.data.val_metrics, epoch, 'val');
		builder.epochValue('learning_rate', epoch, entry.data.learning_rate);
		builder.completeEpoch(epoch, entry.data.timestamp);
	});
}
