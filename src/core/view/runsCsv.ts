import type { RunSummary } from '../runs/runModel';
import { shownMetrics } from './runText';

/** A CSV cell before encoding: text from files, or a number written in full precision. */
type CsvValue = string | number | boolean | undefined;

/** The fixed columns of {@link runsToCsv}, before one column per metric. */
export const csvFixedColumns = [
	'id', 'name', 'status', 'inferred_status', 'stale', 'current_epoch', 'total_epochs',
	'created_at', 'started_at', 'completed_at', 'training_time_seconds', 'tags', 'description',
	'dir', 'metrics_source',
] as const;

/**
 * Runs as RFC 4180 CSV for spreadsheets: a header row, one row per run, CRLF after every row.
 * The fixed columns ({@link csvFixedColumns}; tags joined with `;`, times as written) are
 * followed by one column per metric name found across the runs, in sorted order: each run's
 * best metrics, else its latest epoch's (`metrics_source` says which). Numbers are written in
 * full precision, `NaN`, `Infinity` and `-Infinity` as such; an empty cell means unknown.
 * Text is guarded against formula injection ({@link csvCell}).
 */
export function runsToCsv(runs: readonly RunSummary[]): string {
	const metricNames = [...new Set(runs.flatMap((run) => Object.keys(shownMetrics(run)?.values ?? {})))].sort();
	const rows: CsvValue[][] = [[...csvFixedColumns, ...metricNames]];
	for (const run of runs) {
		const metrics = shownMetrics(run);
		rows.push([
			run.id, run.name, run.status, run.inferredStatus, run.stale, run.currentEpoch, run.totalEpochs,
			run.createdAt, run.startedAt, run.completedAt, run.trainingTimeSeconds, run.tags.join(';'), run.description,
			run.dir, metrics?.kind ?? '',
			...metricNames.map((name) => metrics?.values[name]),
		]);
	}
	return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const numberLiteral = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * One encoded CSV cell. Numbers are written as JavaScript's shortest round-trip form (NaN and
 * ±Infinity by name). Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * leading `'` so spreadsheets do not run it as a formula, unless it is a plain number such as
 * `-0.5`; a cell holding a comma, a quote or a line break is quoted, quotes doubled.
 */
export function csvCell(value: CsvValue): string {
	if (value === undefined) {
		return '';
	}
	if (typeof value !== 'string') {
		return String(value);
	}
	const guarded = /^[=+\-@\t\r]/.test(value) && !numberLiteral.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
