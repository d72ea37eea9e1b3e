import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';

/** Filters the tree by text in a run's name, id, tags or description. */
export function filter(deps: CommandDeps): (text?: unknown) => Promise<boolean> {
	return async (text) => {
		// From the view toolbar VS Code passes the selected tree row: only a string is a filter.
		const value = typeof text === 'string' ? text : await vscode.window.showInputBox({
			title: 'Filter Experiments',
			prompt: 'Shows runs whose name, id, tags or description contain this text',
			value: deps.tree.viewState.filter,
		});
		if (value === undefined) {
			return false;
		}
		deps.setTreeState({ ...deps.tree.viewState, filter: value.trim() });
		return true;
	};
}
