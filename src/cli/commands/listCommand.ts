import type { CliCommand } from '../command';
import { listRuns } from '../context';
import { sortRuns } from '../../core/index/runQuery';
import { epochText, headlineText, statusText } from '../../core/view/runText';
import { runToJson, table, toJson } from '../output';

/** `exptrack list`: every run under the roots, newest first. */
export const listCommand: CliCommand = {
	name: 'list',
	usage: '[--root DIR]... [--json]',
	summary: 'List every run (newest first).',
	positionals: 0,
	async run(context) {
		// The tree's own "newest" order: a run with no creation time goes by its last activity.
		const runs = sortRuns(await listRuns(context), 'newest');
		if (context.json) {
			context.out(toJson(runs.map(runToJson)));
			return;
		}
		if (runs.length === 0) {
			context.out(`No runs under ${context.roots.map((root) => root.root).join(', ')}.`);
			return;
		}
		const rows = runs.map((run) => [
			run.id,
			statusText(run),
			epochText(run),
			headlineText(run),
			run.tags.join(','),
			run.problems.filter((entry) => entry.severity !== 'info').length > 0 ? `⚠ ${run.problems.filter((entry) => entry.severity !== 'info').length} problem(s)` : '',
		]);
		context.out(table([['ID', 'STATUS', 'EPOCH', 'BEST', 'TAGS', ''], ...rows]));
	},
};
