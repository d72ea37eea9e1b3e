import type { RunSummary } from '../runs/runModel';
import type { EditOp } from './editOps';
import { appendEdit } from './journal';
import { reconcileRun, type ReconcileOptions, type ReconcileResult, type ReconcileTarget } from './reconcile';

/** What reconciling needs to know about a summarized run. */
export function reconcileTargetOf(run: RunSummary): ReconcileTarget {
	return {
		dir: run.dir,
		id: run.id,
		name: run.name,
		// A run without a tracker file keeps its recorded (info file) status when one is created.
		...(run.statusSource === 'info' ? { status: run.status } : {}),
		...(run.createdAt ? { createdAt: run.createdAt } : {}),
	};
}

/**
 * A user's edit of a run: journaled first (so it is never lost), then written into the tracker
 * file at once if that is safe, or later by a reconcile once the run's writer stops.
 */
export async function editRun(run: RunSummary, op: EditOp, options: ReconcileOptions & { by: string }): Promise<ReconcileResult> {
	await appendEdit(run.dir, op, options.by);
	return reconcileRun(reconcileTargetOf(run), options);
}
