import { loggerScalarSchema, saverEpochRowSchema } from '../format/metricsSchemas';
import { type PlainObject, wholeNumber } from './jsonText';
import { classifyMetricKey } from './metricNames';
import { type MetricsSourceData } from './metricsModel';
import { lineLabel } from './phaseLogSource';
import { SourceBuilder } from './sourceBuilder';

const rowFields = new Set(['epoch', 'timestamp']);

/**
 * Parses `metrics.jsonl`, which two writers fill with different lines (each line is told
 * apart on its own):
 * - ExperimentLogger scalars `{"name", "value", "step", "timestamp"}`: a numeric value goes on
 *   the epoch axis at `step` (the Trainer logs `val_*`, `train/epoch_loss` and `lr` with the
 *   epoch as step); `train_batch/*` tags use a global batch step, so they go to the separate
 *   step-indexed values instead of the epoch curves. A `log_metric` line without a step (value
 *   may be any JSON) is kept as a final metric when numeric. A `val` scalar marks its epoch
 *   complete at its timestamp.
 * - experiment_saver rows `{"epoch", "train_loss", "val_loss", "val_iou", …, "timestamp"}`,
 *   rewritten at the end for epochs 1..training.epochs with `0.0` for epochs never run: a row
 *   whose values are all 0 is such a filler and is skipped. Their timestamps are the write
 *   time, not the epoch's, so they give no epoch times.
 */
export function parseMetricsJsonl(records: readonly unknown[], lines: ReadonlyArray<number | undefined>, file: string): MetricsSourceData {
	const builder = new SourceBuilder(file, 'scalarLog');
	let scalars = 0;
	let rows = 0;
	records.forEach((record, index) => {
		const scalar = loggerScalarSchema.safeParse(record);
		const row = scalar.success ? undefined : saverEpochRowSchema.safeParse(record);
		if (scalar.success && 'value' in scalar.data) {
			scalars++;
			addScalar(builder, scalar.data, scalar.data.name);
		} else if (row?.success && !('name' in row.data)) {
			rows++;
			addRow(builder, row.data, row.data.epoch);
		} else {
			builder.invalid('A line is neither an ExperimentLogger scalar {"name", "value", "step"} nor an experiment_saver row {"epoch", …}', lineLabel(lines[index]));
		}
	});
	builder.setKind(rows > scalars ? 'saverEpochRows' : 'scalarLog');
	return builder.build();
}

function addScalar(builder: SourceBuilder, record: PlainObject, name: string): void {
	const step = wholeNumber(record.step) ?? wholeNumber(record.epoch);
	if (step === undefined) {
		builder.finalObject({ [name]: record.value });
		return;
	}
	if (/^[a-z]+_batch\//i.test(name)) {
		builder.stepValue(name, step, record.value);
		return;
	}
	if (builder.epochValue(name, step, record.value) && classifyMetricKey(name).phase === 'val') {
		builder.completeEpoch(step, record.timestamp);
	}
}

function addRow(builder: SourceBuilder, record: PlainObject, epoch: number): void {
	const values = Object.entries(record).filter(([field, value]) => !rowFields.has(field) && typeof value === 'number');
	if (values.length === 0 || values.every(([, value]) => value === 0)) {
		return;
	}
	builder.epochObject(record, epoch, undefined, rowFields);
	builder.completeEpoch(epoch);
}
