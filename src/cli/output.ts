import { stringifyStrict } from '../core/json/strictJson';
import type { Problem } from '../core/problems';
import type { RunSummary } from '../core/runs/runModel';
import { progressPercent } from '../core/progress/progress';

/** A run as `exptrack list --json` and `show --json` print it. */
export function runToJson(run: RunSummary): Record<string, unknown> {
	return {
		id: run.id,
		name: run.name,
		status: run.status,
		statusSource: run.statusSource,
		inferredStatus: run.inferredStatus,
		stale: run.stale,
		dir: run.dir,
		root: run.root,
		layout: run.layout,
		currentEpoch: run.currentEpoch ?? null,
		totalEpochs: run.totalEpochs ?? null,
		percent: progressPercent(run.currentEpoch, run.totalEpochs) ?? null,
		bestMetrics: run.bestMetrics,
		latestMetrics: run.latestMetrics,
		tags: run.tags,
		description: run.description,
		createdAt: run.createdAt,
		startedAt: run.startedAt,
		completedAt: run.completedAt,
		trainingTimeSeconds: run.trainingTimeSeconds ?? null,
		hasTrackerFile: run.hasTrackerFile,
		pendingEdits: run.pendingEdits,
		editsInFile: run.editsInFile,
		problems: run.problems.map(problemToJson),
	};
}

export function problemToJson(entry: Problem): Record<string, unknown> {
	return { kind: entry.kind, severity: entry.severity, file: entry.file, message: entry.message };
}

/** Strict RFC 8259 JSON (non-finite numbers as "NaN", "Infinity", "-Infinity"). */
export function toJson(value: unknown): string {
	return stringifyStrict(value, 2);
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string {
	const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
	return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}
