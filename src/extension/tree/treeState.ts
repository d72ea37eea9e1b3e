import type * as vscode from 'vscode';
import type { RunSortKey } from '../../core/index/runQuery';
import type { RunGrouping } from '../../core/view/grouping';

export type { RunGrouping };

/** How the tree is grouped, sorted and filtered; remembered per workspace. */
export interface TreeViewState {
	readonly groupBy: RunGrouping;
	readonly sortBy: RunSortKey;
	/** Case-insensitive text matched against name, id, tags and description; '' for none. */
	readonly filter: string;
}

const stateKey = 'experimentTracker.treeState';

/** Reads the remembered state; the settings give the defaults. */
export function loadTreeState(memento: vscode.Memento, defaults: { groupBy: RunGrouping; sortBy: RunSortKey }): TreeViewState {
	const saved = memento.get<Partial<TreeViewState>>(stateKey, {});
	return { groupBy: saved.groupBy ?? defaults.groupBy, sortBy: saved.sortBy ?? defaults.sortBy, filter: saved.filter ?? '' };
}

export function saveTreeState(memento: vscode.Memento, state: TreeViewState): Thenable<void> {
	return memento.update(stateKey, state);
}
