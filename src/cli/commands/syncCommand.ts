import { reconcileTargetOf } from '../../core/edits/editRun';
import { reconcileRun } from '../../core/edits/reconcile';
import type { CliCommand } from '../command';
import { findRun, listRuns } from '../context';
import { describeReconcile } from '../runSession';
import { toJson } from '../output';

/** `exptrack sync [ID]`: writes pending edits into tracker files where that is safe now. */
export const syncCommand: CliCommand = {
	name: 'sync',
	usage: '[ID] [--root DIR]... [--json]',
	summary: 'Write pending edits into the tracker files (all runs, or one) where no writer is live.',
	positionals: [0, 1],
	async run(context, args) {
		const runs = await listRuns(context);
		const targets = args.positionals[0] === undefined ? runs.filter((run) => run.pendingEdits.length > 0) : [findRun(runs, args.positionals[0])];
		const results = [];
		for (const run of targets) {
			const result = await reconcileRun(reconcileTargetOf(run), { liveWindowMs: context.staleMinutes * 60_000 });
			results.push({ id: run.id, ...result });
			if (!context.json) {
				const note = describeReconcile(result);
				const done = result.state === 'reconciled' ? `${result.resolved} edit(s) written${result.pending > 0 ? `, ${result.pending} still pending` : ''}` : result.state === 'clean' ? 'nothing pending' : result.state;
				context.out(`${run.id}: ${done}${note ? ` — ${note}` : ''}`);
			}
		}
		if (context.json) {
			context.out(toJson(results));
		} else if (targets.length === 0) {
			context.out('No run has pending edits.');
		}
	},
};
