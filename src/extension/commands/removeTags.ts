import * as vscode from 'vscode';
import { pythonIsoNow } from '../../core/tracker/timestamps';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { applyUserEdit } from '../runEdits';

/** Removes tags from a run (CrackSeg's remove_tags). */
export function removeTags(deps: CommandDeps): (argument?: unknown, tags?: string[]) => Promise<boolean> {
	return async (argument, tags) => {
		const run = await resolveRun(deps.service, argument, 'Remove tags from which run?', (candidate) => candidate.tags.length > 0);
		if (!run) {
			return false;
		}
		const chosen = tags ?? (await vscode.window.showQuickPick(run.tags.map((label) => ({ label })), { canPickMany: true, title: `Remove tags from ${run.name}` }))?.map((item) => item.label);
		if (!chosen || chosen.length === 0) {
			return false;
		}
		return applyUserEdit(deps.service, deps.log, run, { op: 'removeTags', at: pythonIsoNow(), tags: chosen });
	};
}
