import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';
import type { RunGrouping } from '../tree/treeState';

const choices: ReadonlyArray<{ value: RunGrouping; label: string; detail: string }> = [
	{ value: 'status', label: 'Status', detail: 'Running, stale, failed, aborted, completed, created' },
	{ value: 'day', label: 'Day', detail: 'Today, yesterday, then by date' },
	{ value: 'tag', label: 'Tag', detail: 'One group per tag; a run shows under each of its tags' },
	{ value: 'none', label: 'None', detail: 'One flat list' },
];

/** Groups the tree by status, day, tag or not at all. */
export function groupBy(deps: CommandDeps): (value?: unknown) => Promise<boolean> {
	return async (value) => {
		const current = deps.tree.viewState.groupBy;
		// From the view toolbar VS Code passes the selected tree row: only a known value counts.
		const given = choices.find((choice) => choice.value === value)?.value;
		const picked = given ?? (await vscode.window.showQuickPick(choices.map((choice) => ({ ...choice, description: choice.value === current ? 'current' : undefined })), { placeHolder: 'Group experiments by' }))?.value;
		if (!picked) {
			return false;
		}
		deps.setTreeState({ ...deps.tree.viewState, groupBy: picked });
		return true;
	};
}
