import type { RunSummary } from '../runs/runModel';
import type { VerifyCheck } from '../runs/verifyRun';
import { escapeMarkdown, labelledItem, markdownTable } from './markdownText';

/** The word a check's outcome is shown as. */
function outcome(check: VerifyCheck): string {
	if (!check.checked) {
		return 'not checked';
	}
	return check.ok ? 'ok' : 'FAILED';
}

/**
 * A reproducibility report as Markdown: the run, a verdict (reproducible as recorded, or the
 * checks that failed), and a table of every check (check, result `ok` / `FAILED` /
 * `not checked`, detail). Text from run files is escaped.
 */
export function verifyReportMarkdown(run: RunSummary, checks: readonly VerifyCheck[]): string {
	const failed = checks.filter((check) => check.checked && !check.ok);
	const unchecked = checks.filter((check) => !check.checked);
	const verdict = failed.length > 0
		? `Not reproducible as recorded: ${failed.map((check) => check.name).join(', ')}.`
		: `Reproducible as recorded${unchecked.length > 0 ? ` (${unchecked.length} check${unchecked.length === 1 ? '' : 's'} could not be made)` : ''}.`;
	return `${[
		`# Reproducibility: ${escapeMarkdown(run.name || run.id)}`,
		[...labelledItem('ID', run.id), ...labelledItem('Folder', run.dir)].join('\n'),
		escapeMarkdown(verdict),
		markdownTable(['Check', 'Result', 'Detail'], checks.map((check) => [check.name, outcome(check), check.detail])),
	].join('\n\n')}\n`;
}
