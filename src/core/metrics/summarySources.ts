import { isPlainObject, nonEmptyString, type PlainObject, wholeNumber } from './jsonText';
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
	if (!isPlainObject(document)) {
		builder.invalid('summary.json is not a JSON object', 'top level');
		return builder.build();
	}
	builder.startedAt = nonEmptyString(document.experiment_start);
	const logged = wholeNumber(document.total_epochs);
	if (logged !== undefined && logged > 0) {
		builder.completeEpoch(logged);
	}
	addBestMetrics(builder, document.best_metrics);
	addHistory(builder, document.metric_history, 'metric_history');
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
	builder.finished = true;
	const info = isPlainObject(document.experiment_info) ? document.experiment_info : {};
	builder.startedAt = nonEmptyString(info.start_time);
	const total = wholeNumber(info.total_epochs);
	builder.totalEpochs = total !== undefined && total > 0 ? total : undefined;
	addBestMetrics(builder, document.best_metrics);
	addHistory(builder, document.epoch_summaries, 'epoch_summaries');
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
	history.forEach((entry: unknown, index) => {
		const epoch = isPlainObject(entry) ? wholeNumber(entry.epoch) : undefined;
		if (!isPlainObject(entry) || epoch === undefined) {
			builder.invalid(`An entry of "${field}" has no integer "epoch"`, `${field}[${index}]`);
			return;
		}
		builder.epochObject(entry.train_metrics, epoch, 'train');
		builder.epochObject(entry.val_metrics, epoch, 'val');
		builder.epochValue('learning_rate', epoch, entry.learning_rate);
		builder.completeEpoch(epoch, entry.timestamp);
	});
}
