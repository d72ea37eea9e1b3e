import * as vscode from 'vscode';
import { readRunDetails } from '../../core/runs/runDetails';
import { runDetailsToMarkdown } from '../../core/view/runDetailsMarkdown';
import { runsToMarkdown } from '../../core/view/runsMarkdown';
import type { CommandDeps } from '../commands';
import { runDirOf } from '../tree/treeNodes';

/**
 * Exports a run (from its context menu, or several selected) or, from the palette or the
 * view toolbar, the runs the tree shows, as an untitled Markdown document.
 */
export function exportMarkdown(deps: CommandDeps): (argument?: unknown, selection?: unknown) => Promise<vscode.TextDocument> {
	return async (argument, selection) => {
		const dirs = Array.isArray(selection) && selection.length > 1 ? selection.map(runDirOf) : [runDirOf(argument)];
		const runs = dirs.flatMap((dir) => (dir ? [deps.service.get(dir)] : [])).filter((run) => run !== undefined);
		let content: string;
		if (runs.length === 1) {
			content = runDetailsToMarkdown(await readRunDetails(runs[0]!));
		} else {
			const chosen = runs.length > 1 ? runs : deps.tree.visibleRuns();
			const filter = deps.tree.viewState.filter;
			content = runsToMarkdown(chosen, { title: runs.length > 1 ? 'Selected experiments' : filter ? `Experiments matching "${filter}"` : 'Experiments' });
		}
		const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
		await vscode.window.showTextDocument(document, { preview: false });
		return document;
	};
}
