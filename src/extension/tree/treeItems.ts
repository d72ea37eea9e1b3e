import * as vscode from 'vscode';
import type { RunFileKind } from '../../core/runs/runFiles';
import type { RunSummary } from '../../core/runs/runModel';
import { runDescription } from '../../core/view/runDescription';
import { runTooltip } from '../../core/view/runTooltip';
import { runVisualState, type RunVisualState } from '../../core/view/visualState';
import type { FileNode, FolderNode, GroupNode, RunNode } from './treeNodes';

/** Codicon and theme colour per run state: only product icons and theme colours, never invented ones. */
const stateIcons: Record<RunVisualState, { icon: string; color?: string }> = {
	running: { icon: 'sync~spin', color: 'charts.blue' },
	stale: { icon: 'watch', color: 'list.warningForeground' },
	completed: { icon: 'pass', color: 'testing.iconPassed' },
	failed: { icon: 'error', color: 'testing.iconFailed' },
	aborted: { icon: 'circle-slash', color: 'disabledForeground' },
	created: { icon: 'circle-large-outline' },
	problem: { icon: 'warning', color: 'list.errorForeground' },
	unknown: { icon: 'question' },
};

const fileIcons: Record<RunFileKind, string> = {
	checkpoint: 'database',
	metrics: 'graph-line',
	visualization: 'file-media',
	config: 'settings-gear',
};

export function runStateIcon(state: RunVisualState): vscode.ThemeIcon {
	const { icon, color } = stateIcons[state];
	return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/** The run's tooltip; user text goes through appendText so it can never become Markdown. */
export function runTooltipMarkdown(run: RunSummary, nowMs: number): vscode.MarkdownString {
	const model = runTooltip(run, nowMs);
	const markdown = new vscode.MarkdownString();
	markdown.appendMarkdown('**').appendText(model.title).appendMarkdown('**\n\n');
	for (const line of model.lines) {
		markdown.appendText(`${line.label}: `).appendText(line.value).appendMarkdown('  \n');
	}
	for (const problem of model.problems) {
		markdown.appendMarkdown('\n$(warning) ').appendText(problem).appendMarkdown('  \n');
	}
	if (model.note) {
		markdown.appendMarkdown('\n_').appendText(model.note).appendMarkdown('_');
	}
	markdown.supportThemeIcons = true;
	return markdown;
}

/**
 * `contextValue` for menus: `run` plus flags the `when` clauses test with regular
 * expressions, e.g. `run running config`.
 */
export function runContextValue(run: RunSummary, state: RunVisualState): string {
	const flags = ['run', state];
	if (run.status === 'running' || run.inferredStatus === 'running') {
		flags.push('live');
	}
	if (!['completed', 'failed', 'aborted'].includes(run.status)) {
		flags.push('open');
	}
	if (run.tags.length > 0) {
		flags.push('tagged');
	}
	return flags.join(' ');
}

export function runTreeItem(node: RunNode, nowMs: number): vscode.TreeItem {
	const { run } = node;
	const state = runVisualState(run);
	const item = new vscode.TreeItem(run.name, vscode.TreeItemCollapsibleState.Collapsed);
	item.id = node.id;
	item.description = runDescription(run, nowMs);
	item.tooltip = runTooltipMarkdown(run, nowMs);
	item.iconPath = runStateIcon(state);
	item.contextValue = runContextValue(run, state);
	item.command = { command: 'experimentTracker.openDetails', title: 'Open Details', arguments: [run.dir] };
	return item;
}

export function groupTreeItem(node: GroupNode | FolderNode): vscode.TreeItem {
	const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
	item.id = node.id;
	const count = node.kind === 'group' ? node.children.length : undefined;
	item.description = count === undefined ? undefined : String(count);
	item.contextValue = node.kind;
	item.iconPath = node.kind === 'folder' ? vscode.ThemeIcon.Folder : undefined;
	return item;
}

export function fileTreeItem(node: FileNode): vscode.TreeItem {
	const { file } = node;
	const item = new vscode.TreeItem(file.label, vscode.TreeItemCollapsibleState.None);
	item.id = node.id;
	item.iconPath = new vscode.ThemeIcon(file.exists ? fileIcons[file.kind] : 'warning', file.exists ? undefined : new vscode.ThemeColor('list.warningForeground'));
	item.description = file.exists ? undefined : 'missing';
	item.tooltip = file.exists ? file.path : `Missing: ${file.stored ?? file.path} (recorded by the run, not found on disk)`;
	item.resourceUri = vscode.Uri.file(file.path);
	item.contextValue = file.exists ? `file ${file.kind}` : 'file missing';
	if (file.exists) {
		// VS Code's own editors: JSON/YAML/CSV in the text editor, images in the image viewer.
		item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(file.path)] };
	}
	return item;
}
