import * as vscode from 'vscode';
import type { RunSummary } from '../core/runs/runModel';
import { runDescription } from '../core/view/runDescription';
import type { TrackerService } from './trackerService';
import { runDirOf } from './tree/treeNodes';

let activeDetailRun: (() => string | undefined) | undefined;

/** Lets commands run without an argument act on the active detail panel's run. */
export function setActiveDetailRunProvider(provider: () => string | undefined): void {
	activeDetailRun = provider;
}

export interface RunPickItem extends vscode.QuickPickItem {
	readonly run: RunSummary;
}

/** Quick-pick items for runs, newest first, with the tree's description and the id. */
export function runPickItems(runs: readonly RunSummary[]): RunPickItem[] {
	const now = Date.now();
	return [...runs]
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
		.map((run) => ({ label: run.name, description: runDescription(run, now), detail: run.id, run }));
}

/**
 * The run a command acts on: the one passed in (tree node, summary, folder path), or the
 * user's pick among `candidates` (all runs by default). Undefined when the user cancels.
 */
export async function resolveRun(service: TrackerService, argument: unknown, placeHolder: string, candidates?: (run: RunSummary) => boolean): Promise<RunSummary | undefined> {
	// From an active detail panel's title bar a command gets no argument: it acts on that panel's run.
	const dir = runDirOf(argument) ?? activeDetailRun?.();
	if (dir) {
		const run = service.get(dir);
		if (!run) {
			void vscode.window.showWarningMessage(`No experiment run is indexed at ${dir}.`);
		}
		return run;
	}
	await service.ready;
	const runs = service.runs().filter((run) => !candidates || candidates(run));
	if (runs.length === 0) {
		void vscode.window.showInformationMessage('No experiment run to choose from.');
		return undefined;
	}
	const picked = await vscode.window.showQuickPick(runPickItems(runs), { placeHolder, matchOnDescription: true, matchOnDetail: true });
	return picked?.run;
}

/** Runs for commands that accept a multi-selection: (clicked node, all selected nodes). */
export async function resolveRuns(service: TrackerService, argument: unknown, selection: unknown, placeHolder: string): Promise<RunSummary[]> {
	if (Array.isArray(selection) && selection.length > 1) {
		return selection.map(runDirOf).flatMap((dir) => (dir ? [service.get(dir)].filter((run): run is RunSummary => run !== undefined) : []));
	}
	const run = await resolveRun(service, argument, placeHolder);
	return run ? [run] : [];
}
