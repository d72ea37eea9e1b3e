import * as vscode from 'vscode';
import type { MarkStatus } from '../../core/edits/editOps';
import { pythonIsoNow } from '../../core/tracker/timestamps';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { applyUserEdit, confirmMarkLiveRun } from '../runEdits';

/**
 * Mark as Completed / Failed / Aborted: a crashed run stays "running" until someone marks it.
 * Failed asks for a reason, appended to the description as fail_experiment does.
 */
export function markRun(status: MarkStatus): (deps: CommandDeps) => (argument?: unknown, reason?: string) => Promise<boolean> {
	return (deps) => async (argument, reason) => {
		const run = await resolveRun(deps.service, argument, `Mark which run as ${status}?`, (candidate) => candidate.status !== status);
		if (!run || !(await confirmMarkLiveRun(run, status))) {
			return false;
		}
		let why = reason;
		if (status === 'failed' && why === undefined) {
			why = await vscode.window.showInputBox({ title: `Why did ${run.name} fail?`, prompt: 'Appended to the description as "Error: <reason>" (leave empty for none)', ignoreFocusOut: true });
			if (why === undefined) {
				return false;
			}
		}
		return applyUserEdit(deps.service, deps.log, run, { op: 'mark', at: pythonIsoNow(), status, ...(why ? { reason: why } : {}) });
	};
}
