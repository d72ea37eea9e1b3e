import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';

/** Shows the run's folder in the Explorer view. */
export function revealInExplorer(deps: CommandDeps): (argument?: unknown) => Promise<boolean> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Reveal which run in the Explorer?');
		if (!run) {
			return false;
		}
		await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(run.dir));
		return true;
	};
}
