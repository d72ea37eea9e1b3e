import * as vscode from 'vscode';
import { pythonIsoNow } from '../../core/tracker/timestamps';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { applyUserEdit } from '../runEdits';

/** Tags already used by any run, most used first. */
function knownTags(deps: CommandDeps): string[] {
	const counts = new Map<string, number>();
	for (const run of deps.service.runs()) {
		for (const tag of run.tags) {
			counts.set(tag, (counts.get(tag) ?? 0) + 1);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
}

/** Asks for tags: existing ones to tick, or new ones typed (comma-separated). */
async function askTags(deps: CommandDeps, exclude: readonly string[], title: string): Promise<string[] | undefined> {
	const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem>();
	quickPick.title = title;
	quickPick.placeholder = 'Pick existing tags, or type new ones separated by commas';
	quickPick.canSelectMany = true;
	const existing = knownTags(deps).filter((tag) => !exclude.includes(tag)).map((label) => ({ label }));
	quickPick.items = existing;
	quickPick.onDidChangeValue((value) => {
		const typed = value.split(',').map((tag) => tag.trim()).filter((tag) => tag && !exclude.includes(tag) && !existing.some((item) => item.label === tag));
		quickPick.items = [...typed.map((label) => ({ label, description: 'new tag', alwaysShow: true })), ...existing];
		quickPick.selectedItems = quickPick.items.filter((item) => typed.includes(item.label) || quickPick.selectedItems.some((selected) => selected.label === item.label));
	});
	const result = await new Promise<string[] | undefined>((resolve) => {
		quickPick.onDidAccept(() => resolve(quickPick.selectedItems.map((item) => item.label)));
		quickPick.onDidHide(() => resolve(undefined));
		quickPick.show();
	});
	quickPick.dispose();
	return result;
}

/** Adds tags to a run (CrackSeg's add_tags). */
export function addTags(deps: CommandDeps): (argument?: unknown, tags?: string[]) => Promise<boolean> {
	return async (argument, tags) => {
		const run = await resolveRun(deps.service, argument, 'Add tags to which run?');
		if (!run) {
			return false;
		}
		const chosen = tags ?? await askTags(deps, run.tags, `Add tags to ${run.name}`);
		if (!chosen || chosen.length === 0) {
			return false;
		}
		return applyUserEdit(deps.service, deps.log, run, { op: 'addTags', at: pythonIsoNow(), tags: chosen });
	};
}
