import * as vscode from 'vscode';
import { listRunFiles } from '../../core/runs/runFiles';
import type { RunSummary } from '../../core/runs/runModel';
import { filterSummary } from '../../core/view/filterSummary';
import { Disposable } from '../disposable';
import type { TrackerService } from '../trackerService';
import { buildTree, type BuiltTree } from './buildTree';
import { experimentsViewId } from './treeIds';
import { fileTreeItem, groupTreeItem, runTreeItem } from './treeItems';
import type { RunNode, TreeNode } from './treeNodes';
import type { TreeViewState } from './treeState';

export { experimentsViewId };

/**
 * The "Experiments" tree: maps the index's runs to tree items, grouped, sorted and filtered
 * as the view state says. Index events are coalesced into one redraw per 150 ms, so a
 * training run writing every few milliseconds never floods the view.
 */
export class ExperimentsTree extends Disposable implements vscode.TreeDataProvider<TreeNode> {
	private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
	readonly onDidChangeTreeData = this.changed.event;
	readonly view: vscode.TreeView<TreeNode>;
	private built: BuiltTree | undefined;
	private redrawTimer: NodeJS.Timeout | undefined;

	constructor(private readonly service: TrackerService, private state: TreeViewState) {
		super();
		this.view = this._register(vscode.window.createTreeView(experimentsViewId, { treeDataProvider: this, showCollapseAll: true, canSelectMany: true }));
		this._register(service.onDidChange(() => this.scheduleRedraw()));
		this._register(new vscode.Disposable(() => clearTimeout(this.redrawTimer)));
		this.updateDescription();
	}

	get viewState(): TreeViewState {
		return this.state;
	}

	setState(state: TreeViewState): void {
		this.state = state;
		this.redraw();
	}

	/** The runs the tree shows now (after the filter), in tree order. */
	visibleRuns(): RunSummary[] {
		return [...this.tree().byDir.values()].map((node) => node.run);
	}

	getTreeItem(node: TreeNode): vscode.TreeItem {
		const now = Date.now();
		switch (node.kind) {
			case 'run': return runTreeItem(node, now);
			case 'file': return fileTreeItem(node);
			default: return groupTreeItem(node);
		}
	}

	async getChildren(node?: TreeNode): Promise<TreeNode[]> {
		if (!node) {
			return [...this.tree().roots];
		}
		switch (node.kind) {
			case 'folder': return [...node.children];
			case 'group': return node.children;
			case 'run': {
				const files = await listRunFiles(node.run);
				return files.map((file) => ({ kind: 'file', id: `${node.id}/file:${file.path}`, file, parent: node }));
			}
			case 'file': return [];
		}
	}

	getParent(node: TreeNode): TreeNode | undefined {
		return node.kind === 'folder' ? undefined : node.parent;
	}

	/** Selects and shows a run's node, expanding its group. */
	async reveal(dir: string): Promise<boolean> {
		const node = this.tree().byDir.get(dir);
		if (!node) {
			return false;
		}
		await this.view.reveal(node, { select: true, focus: true, expand: false });
		return true;
	}

	/** The node of a run folder, if the tree shows it. */
	nodeOf(dir: string): RunNode | undefined {
		return this.tree().byDir.get(dir);
	}

	redraw(): void {
		clearTimeout(this.redrawTimer);
		this.redrawTimer = undefined;
		this.built = undefined;
		this.updateDescription();
		this.changed.fire(undefined);
	}

	private scheduleRedraw(): void {
		this.redrawTimer ??= setTimeout(() => this.redraw(), 150);
	}

	private tree(): BuiltTree {
		this.built ??= buildTree(this.service.runs(), this.state, Date.now());
		return this.built;
	}

	private updateDescription(): void {
		const tree = this.tree();
		const summary = this.state.filter ? filterSummary(tree.total, tree.shown, this.state.filter) : undefined;
		this.view.description = summary;
		// A view alone in its container shows no header, so its description would stay hidden.
		this.view.message = summary;
		void vscode.commands.executeCommand('setContext', 'experimentTracker.filtered', this.state.filter !== '');
		void vscode.commands.executeCommand('setContext', 'experimentTracker.hasRuns', tree.total > 0);
	}
}
