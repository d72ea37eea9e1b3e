import * as path from 'node:path';
import { describeEdit } from '../edits/editOps';
import { elapsedMs, etaMs, progressPercent } from '../progress/progress';
import type { RunSummary } from '../runs/runModel';
import { formatAge, formatDuration, formatTimestamp, truncate } from './formatValues';
import { runDurationMs } from './runTimes';
import { epochText, metricsListText, shownMetrics, statusText } from './runText';
import { runVisualState } from './visualState';

/**
 * A tooltip as data, not Markdown: the extension renders every string with
 * `MarkdownString.appendText`, so text from run files can never inject Markdown or links.
 */
export interface TooltipModel {
	/** Shown first, in bold. */
	readonly title: string;
	/** Label/value rows, in display order; rows with nothing to say are left out. */
	readonly lines: ReadonlyArray<{ readonly label: string; readonly value: string }>;
	/** Problems worth a warning (errors and warnings), one sentence each, prefixed by the file name. */
	readonly problems: readonly string[];
	/** A closing remark (why a status is inferred or stale, notes on the files), if any. */
	readonly note?: string;
}

/** Characters of the description shown in a tooltip. */
export const tooltipDescriptionLength = 200;
const tooltipMetricLimit = 8;

/** The tooltip of a run's tree item at `nowMs` (ms since the epoch). */
export function runTooltip(run: RunSummary, nowMs: number): TooltipModel {
	const state = runVisualState(run);
	const live = state === 'running' || state === 'stale';
	const lines: Array<{ label: string; value: string }> = [];
	const add = (label: string, value: string | undefined) => {
		if (value) {
			lines.push({ label, value });
		}
	};
	add('ID', run.id);
	add('Status', statusText(run));
	const percent = progressPercent(run.currentEpoch, run.totalEpochs);
	add('Epoch', run.currentEpoch === undefined ? undefined : `${epochText(run)}${percent === undefined ? '' : ` (${percent.toFixed(0)}%)`}`);
	if (live) {
		const elapsed = elapsedMs(run.startedAt, undefined, nowMs);
		add('Elapsed', elapsed === undefined ? undefined : formatDuration(elapsed));
		const eta = state === 'running' ? etaMs(run.epochTimes, run.currentEpoch, run.totalEpochs, run.startedAt) : undefined;
		add('ETA', eta === undefined ? undefined : formatDuration(eta));
	} else {
		const duration = runDurationMs(run);
		add('Duration', duration === undefined ? undefined : formatDuration(duration));
	}
	const metrics = shownMetrics(run);
	add(metrics?.kind === 'latest' ? 'Latest metrics' : 'Best metrics', metrics ? metricsListText(metrics.values, tooltipMetricLimit) : undefined);
	add('Tags', run.tags.join(', '));
	add('Description', truncate(run.description, tooltipDescriptionLength));
	add('Created', run.createdAt ? formatTimestamp(run.createdAt) : undefined);
	add('Started', run.startedAt ? formatTimestamp(run.startedAt) : undefined);
	add('Completed', run.completedAt ? formatTimestamp(run.completedAt) : undefined);
	add('Last activity', run.lastActivityMs > 0 ? formatAge(run.lastActivityMs, nowMs) : undefined);
	add('Folder', run.dir);
	add('Pending edits', !run.editsInFile ? `${run.pendingEdits.map(describeEdit).join('; ')} (written when the run's writer stops)` : undefined);
	const problems = run.problems.filter((entry) => entry.severity !== 'info').map((entry) => `${path.basename(entry.file)}: ${entry.message}`);
	const notes = [
		state === 'stale' ? 'No file of this run changed for a while: its process may have stopped. Mark it failed or aborted if it did.' : '',
		!run.hasTrackerFile && run.inferredStatus !== 'unknown' ? 'No tracker file: the status is inferred from the metrics files.' : '',
		...run.problems.filter((entry) => entry.severity === 'info').map((entry) => entry.message),
	].filter((note) => note !== '');
	return { title: run.name || run.id, lines, problems, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) };
}
