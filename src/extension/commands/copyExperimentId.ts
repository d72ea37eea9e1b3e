import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';

/** Copies the run's experiment id to the clipboard. */
export function copyExperimentId(deps: CommandDeps): (argument?: unknown) => Promise<string | undefined> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Copy the id of which run?');
		if (!run) {
			return undefined;
		}
		await vscode.env.clipboard.writeText(run.id);
		vscode.window.setStatusBarMessage(`$(copy) Copied ${run.id}`, 3000);
		return run.id;
	};
}
