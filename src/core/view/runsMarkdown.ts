import { describeEdit } from '../edits/editOps';
import type { RunSummary } from '../runs/runModel';
import { formatDuration, formatMetric, formatTimestamp } from './formatValues';
import { escapeMarkdown, fencedBlock, labelledItem, markdownTable } from './markdownText';
import { epochText, metricsListText, shownMetrics, statusText } from './runText';
import { runDurationMs } from './runTimes';

/** Options of {@link runsToMarkdown}. */
export interface RunsMarkdownOptions {
	/** The document's heading (default `Experiment runs`). */
	readonly title?: string;
}

/**
 * A Markdown document of runs for a PR or a report: a heading, a table (name, id, status,
 * epochs, metrics, tags, created) and, when there is exactly one run, a fuller section
 * ({@link runSection}). Metrics are the best ones, else the latest epoch's marked `(latest)`,
 * in the compact form of `formatMetric`. All text from run files is escaped.
 */
export function runsToMarkdown(runs: readonly RunSummary[], options: RunsMarkdownOptions = {}): string {
	const blocks = [`# ${escapeMarkdown(options.title ?? 'Experiment runs')}`];
	if (runs.length === 0) {
		blocks.push('No runs.');
	} else {
		blocks.push(markdownTable(['Name', 'ID', 'Status', 'Epochs', 'Metrics', 'Tags', 'Created'], runs.map((run) => {
			const metrics = shownMetrics(run);
			return [
				run.name,
				run.id,
				statusText(run) + (run.stale ? ', stale' : ''),
				epochText(run),
				metrics ? `${metricsListText(metrics.values)}${metrics.kind === 'latest' ? ' (latest)' : ''}` : '—',
				run.tags.join(', '),
				formatTimestamp(run.createdAt),
			];
		})));
	}
	if (runs.length === 1) {
		blocks.push(runSection(runs[0]!));
	}
	return `${blocks.join('\n\n')}\n`;
}

/** One run in full under a `##` heading: see {@link runBodyBlocks}. */
export function runSection(run: RunSummary): string {
	return [`## ${escapeMarkdown(run.name || run.id)}`, ...runBodyBlocks(run, '###')].join('\n\n');
}

/**
 * The Markdown blocks that describe one run in full, sub-headings at `level`: status and
 * times, duration, folder, every metric (best and latest side by side), the description
 * verbatim in a code block, pending edits and problems.
 */
export function runBodyBlocks(run: RunSummary, level: '##' | '###'): string[] {
	const duration = runDurationMs(run);
	const blocks = [[
		...labelledItem('Status', statusText(run) + (run.stale ? ' (stale: no file changed for a while)' : '')),
		...labelledItem('Started', run.startedAt ? formatTimestamp(run.startedAt) : undefined),
		...labelledItem('Completed', run.completedAt ? formatTimestamp(run.completedAt) : undefined),
		...labelledItem('Duration', duration === undefined ? undefined : formatDuration(duration)),
		...labelledItem('Folder', run.dir),
	].join('\n')];
	const names = [...new Set([...Object.keys(run.bestMetrics), ...Object.keys(run.latestMetrics)])];
	if (names.length > 0) {
		const cell = (value: number | undefined) => (value === undefined ? '—' : formatMetric(value));
		blocks.push(`${level} Metrics`, markdownTable(['Metric', 'Best', 'Latest'], names.map((name) => [name, cell(run.bestMetrics[name]), cell(run.latestMetrics[name])])));
	}
	if (run.description) {
		blocks.push(`${level} Description`, fencedBlock(run.description));
	}
	if (!run.editsInFile) {
		blocks.push(`${level} Pending edits`, run.pendingEdits.map((edit) => `- ${escapeMarkdown(describeEdit(edit))}`).join('\n'));
	}
	if (run.problems.length > 0) {
		blocks.push(`${level} Problems`, run.problems.map((entry) => `- ${escapeMarkdown(`${entry.severity}: ${entry.message} (${entry.file})`)}`).join('\n'));
	}
	return blocks;
}
