import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';

/** Opens an integrated terminal in the run's folder. */
export function openInTerminal(deps: CommandDeps): (argument?: unknown) => Promise<vscode.Terminal | undefined> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Open a terminal in which run\'s folder?');
		if (!run) {
			return undefined;
		}
		const terminal = vscode.window.createTerminal({ name: run.name, cwd: run.dir, iconPath: new vscode.ThemeIcon('beaker') });
		terminal.show();
		return terminal;
	};
}
