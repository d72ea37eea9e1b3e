import { phaseLogLineSchema } from '../format/metricsSchemas';
import { type MetricsSourceData } from './metricsModel';
import { SourceBuilder } from './sourceBuilder';

/** The phase each MetricsManager JSONL file holds, by file name. */
export const phaseLogFiles: Readonly<Record<string, 'train' | 'val' | 'test'>> = {
	'validation_metrics.jsonl': 'val',
	'training_metrics.jsonl': 'train',
	'test_metrics.jsonl': 'test',
};

const phases = new Set(['train', 'val', 'test']);

/** Where a record came from, for problem messages: `line 12`, or a vaguer phrase in a tail read. */
export function lineLabel(line: number | undefined): string {
	return line === undefined || line === 0 ? 'a line near the end' : `line ${line}`;
}

/**
 * Parses the lines of MetricsManager's `validation_metrics.jsonl` (or `training_`/`test_`):
 * `{"timestamp", "epoch", "step", "phase", "metrics": {"val_loss": …}}`. The line's `phase`
 * wins over the file's when it is train/val/test. A validation line marks its epoch complete
 * at its timestamp. `lines` holds each record's 1-based line number (for messages).
 */
export function parsePhaseLog(records: readonly unknown[], lines: ReadonlyArray<number | undefined>, file: string, filePhase: 'train' | 'val' | 'test'): MetricsSourceData {
	const builder = new SourceBuilder(file, 'phaseLog');
	records.forEach((record, index) => {
		const line = phaseLogLineSchema.safeParse(record);
		if (!line.success) {
			builder.invalid('A line is not a MetricsManager entry {"epoch": <int>, "metrics": {…}}', lineLabel(lines[index]));
			return;
		}
		const { epoch, metrics, timestamp } = line.data;
		const phase = line.data.phase !== undefined && phases.has(line.data.phase) ? line.data.phase as 'train' | 'val' | 'test' : filePhase;
		builder.epochObject(metrics, epoch, phase);
		if (phase === 'val') {
			builder.completeEpoch(epoch, timestamp);
		}
	});
	return builder.build();
}
