import * as vscode from 'vscode';
import type { ExperimentsTree } from './tree/experimentsTree';
import { refresh } from './commands/refresh';
import { showLog } from './commands/showLog';

/** Every command the extension contributes; ids match `contributes.commands` in package.json. */
export enum CommandId {
	/** {@link refresh} */
	Refresh = 'experimentTracker.refresh',
	/** {@link showLog} */
	ShowLog = 'experimentTracker.showLog',
}

/** What command handlers may use. */
export interface CommandDeps {
	readonly log: vscode.LogOutputChannel;
	readonly tree: ExperimentsTree;
}

type Handler = (...args: never[]) => unknown;

const factories: Record<CommandId, (deps: CommandDeps) => Handler> = {
	[CommandId.Refresh]: refresh,
	[CommandId.ShowLog]: showLog,
};

/**
 * The single registration point for commands. Each handler is wrapped once so that a
 * failure is logged and shown to the user instead of disappearing into the host's log.
 */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
	return (Object.keys(factories) as CommandId[]).map((id) => {
		const handler = factories[id](deps) as (...args: unknown[]) => unknown;
		return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
			try {
				return await handler(...args);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				deps.log.error(`${id} failed: ${message}`);
				void vscode.window.showErrorMessage(`Experiment Tracker: ${message}`);
				return undefined;
			}
		});
	});
}
