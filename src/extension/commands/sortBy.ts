import * as vscode from 'vscode';
import type { RunSortKey } from '../../core/index/runQuery';
import type { CommandDeps } from '../commands';

const choices: ReadonlyArray<{ value: RunSortKey; label: string; detail: string }> = [
	{ value: 'newest', label: 'Newest First', detail: 'By creation time' },
	{ value: 'oldest', label: 'Oldest First', detail: 'By creation time' },
	{ value: 'name', label: 'Name', detail: 'Alphabetically, numbers in order' },
	{ value: 'metric', label: 'Best Metric', detail: 'Best headline metric first (validation IoU, …; lower is better for losses)' },
];

/** Sorts runs within their groups. */
export function sortBy(deps: CommandDeps): (value?: unknown) => Promise<boolean> {
	return async (value) => {
		const current = deps.tree.viewState.sortBy;
		// From the view toolbar VS Code passes the selected tree row: only a known value counts.
		const given = choices.find((choice) => choice.value === value)?.value;
		const picked = given ?? (await vscode.window.showQuickPick(choices.map((choice) => ({ ...choice, description: choice.value === current ? 'current' : undefined })), { placeHolder: 'Sort experiments by' }))?.value;
		if (!picked) {
			return false;
		}
		deps.setTreeState({ ...deps.tree.viewState, sortBy: picked });
		return true;
	};
}
