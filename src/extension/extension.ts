import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { createLog } from './log';
import { ExperimentsTree } from './tree/experimentsTree';

/** What `activate` returns; the host tests reach the extension's parts through it. */
export interface ExperimentTrackerApi {
	readonly tree: ExperimentsTree;
}

export function activate(context: vscode.ExtensionContext): ExperimentTrackerApi {
	const log = createLog();
	const tree = new ExperimentsTree();
	context.subscriptions.push(log, tree, ...registerCommands({ log, tree }));
	log.info(`Experiment Tracker ${context.extension.packageJSON.version as string} activated`);
	return { tree };
}

export function deactivate(): void {
	// Everything is owned by context.subscriptions, which VS Code disposes.
}
