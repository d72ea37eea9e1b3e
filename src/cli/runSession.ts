import { reconcileTargetOf } from '../core/edits/editRun';
import { reconcileRun, type ReconcileResult } from '../core/edits/reconcile';
import type { RunSummary } from '../core/runs/runModel';
import { readRunSummary } from '../core/runs/readRun';
import { findRun, listRuns, type CliContext } from './context';

/**
 * Finds the run a subcommand names and reconciles it first ("every command that touches a
 * run reconciles it first"), so what the command then reads or writes includes every edit.
 */
export async function openRun(context: CliContext, query: string): Promise<{ run: RunSummary; reconciled: ReconcileResult }> {
	const found = findRun(await listRuns(context), query);
	const reconciled = await reconcileRun(reconcileTargetOf(found), { liveWindowMs: context.staleMinutes * 60_000 });
	const run = reconciled.state === 'reconciled' && reconciled.wrote ? (await readRunSummary(found, { staleMinutes: context.staleMinutes })) ?? found : found;
	return { run, reconciled };
}

/** One line for the user about where an edit went. */
export function describeReconcile(result: ReconcileResult): string | undefined {
	switch (result.state) {
		case 'deferred':
			return 'the run is still being written by its training process: the edit is kept in the run\'s journal and written when that process stops (run "exptrack sync" then)';
		case 'conflict':
			return 'the training process saved the file at the same moment: the edit is kept in the journal and written on the next "exptrack sync"';
		case 'blocked':
			return `the tracker file cannot be updated (${result.reason}); the edit is kept in the journal`;
		case 'reconciled':
			return result.blocked.length > 0 ? `not written: ${result.blocked.join('; ')}` : undefined;
		case 'clean':
			return undefined;
	}
}
