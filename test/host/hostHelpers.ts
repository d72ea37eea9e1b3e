import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunSummary } from '../../src/core/runs/runModel';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/tree/treeNodes';
import { getApi } from './api';
import { pollUntil } from '../shared/poll';

/** The extension's API once its index has finished the first load and the tree shows it. */
export async function loadedApi(): Promise<ExperimentTrackerApi> {
	const api = await getApi();
	await api.service.ready;
	// The tree redraws a moment after the index's events (it coalesces them).
	if (api.tree.viewState.filter === '') {
		await waitFor(() => api.tree.visibleRuns().length, (shown) => shown === api.service.runs().length, 'the tree to show every indexed run');
	}
	return api;
}

/** The indexed run named `name`; fails the test when there is none. */
export function runNamed(api: ExperimentTrackerApi, name: string): RunSummary {
	const run = api.service.runs().find((entry) => entry.name === name);
	if (!run) {
		throw new Error(`no run named ${name} is indexed (have: ${api.service.runs().map((entry) => entry.name).join(', ')})`);
	}
	return run;
}

/** Re-reads `read` every 100 ms until `accept` holds or `timeoutMs` passes; returns the accepted value. */
export function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	return pollUntil(read, accept, what, timeoutMs, 100);
}

/** The tree as the view shows it after grouping, sorting and filtering: group label → run names. */
export async function groupedRunNames(api: ExperimentTrackerApi): Promise<Record<string, string[]>> {
	const groups: Record<string, string[]> = {};
	for (const node of await api.tree.getChildren()) {
		if (node.kind === 'group') {
			groups[node.label] = (await api.tree.getChildren(node)).map(nameOf);
		} else {
			groups[''] = [...(groups[''] ?? []), nameOf(node)];
		}
	}
	return groups;
}

/** The run node `name` under the tree's top level (inside its group when grouped). */
export async function runNode(api: ExperimentTrackerApi, name: string): Promise<TreeNode> {
	for (const node of await api.tree.getChildren()) {
		const candidates = node.kind === 'run' ? [node] : await api.tree.getChildren(node);
		const found = candidates.find((candidate) => candidate.kind === 'run' && candidate.run.name === name);
		if (found) {
			return found;
		}
	}
	throw new Error(`the tree shows no run named ${name}`);
}

function nameOf(node: TreeNode): string {
	return node.kind === 'run' ? node.run.name : `<${node.kind}>`;
}

/** Puts the view back to its defaults: grouped by status, newest first, no filter. */
export async function resetView(): Promise<void> {
	await vscode.commands.executeCommand('experimentTracker.groupBy', 'status');
	await vscode.commands.executeCommand('experimentTracker.sortBy', 'newest');
	await vscode.commands.executeCommand('experimentTracker.clearFilter');
}

/** A run's experiment_tracker.json, parsed (fixture runs hold plain JSON). */
export async function readTracker(dir: string): Promise<Record<string, unknown>> {
	return JSON.parse(await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8')) as Record<string, unknown>;
}

/**
 * Closes every editor but untitled ones, so a test sees only the tabs it opened. Untitled
 * documents stay open: VS Code gives a new one the name of a closed one, and may then hand
 * back the closed one's text.
 */
export async function closeAllEditors(): Promise<void> {
	const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
		.filter((tab) => !(tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'untitled'));
	await vscode.window.tabGroups.close(tabs);
}
