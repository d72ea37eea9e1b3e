import * as vscode from 'vscode';
import { Disposable } from '../disposable';

/** Id of the "Experiments" tree view, as contributed in package.json. */
export const experimentsViewId = 'experimentTracker.experiments';

/**
 * The "Experiments" tree. It maps the core's run models to tree items; until runs are
 * discovered it is empty and VS Code shows the contributed welcome content instead.
 */
export class ExperimentsTree extends Disposable implements vscode.TreeDataProvider<string> {
	private readonly changed = this._register(new vscode.EventEmitter<string | undefined>());
	readonly onDidChangeTreeData = this.changed.event;
	readonly view: vscode.TreeView<string>;

	constructor() {
		super();
		this.view = this._register(vscode.window.createTreeView(experimentsViewId, { treeDataProvider: this, showCollapseAll: true }));
	}

	getTreeItem(element: string): vscode.TreeItem {
		return new vscode.TreeItem(element);
	}

	getChildren(): string[] {
		return [];
	}

	/** Asks VS Code to re-read the whole tree. */
	refresh(): void {
		this.changed.fire(undefined);
	}
}
