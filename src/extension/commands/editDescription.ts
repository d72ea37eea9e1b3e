import * as vscode from 'vscode';
import { pythonIsoNow } from '../../core/tracker/timestamps';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { applyUserEdit } from '../runEdits';

/** Edits a run's description (CrackSeg's update_description). */
export function editDescription(deps: CommandDeps): (argument?: unknown, text?: string) => Promise<boolean> {
	return async (argument, text) => {
		const run = await resolveRun(deps.service, argument, 'Edit the description of which run?');
		if (!run) {
			return false;
		}
		const value = text ?? await vscode.window.showInputBox({ title: `Description of ${run.name}`, value: run.description, prompt: 'Saved into experiment_tracker.json (update_description)', ignoreFocusOut: true });
		if (value === undefined || value === run.description) {
			return false;
		}
		return applyUserEdit(deps.service, deps.log, run, { op: 'setDescription', at: pythonIsoNow(), text: value });
	};
}
