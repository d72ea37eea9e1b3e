import * as vscode from 'vscode';
import { runsToCsv } from '../../core/view/runsCsv';
import type { CommandDeps } from '../commands';
import { runDirOf } from '../tree/treeNodes';

/** Exports the selected runs, or the runs the tree shows, as an untitled CSV document. */
export function exportCsv(deps: CommandDeps): (argument?: unknown, selection?: unknown) => Promise<vscode.TextDocument> {
	return async (argument, selection) => {
		const dirs = Array.isArray(selection) && selection.length > 0 ? selection.map(runDirOf) : [runDirOf(argument)];
		const picked = dirs.flatMap((dir) => (dir ? [deps.service.get(dir)] : [])).filter((run) => run !== undefined);
		const document = await vscode.workspace.openTextDocument({ language: 'csv', content: runsToCsv(picked.length > 0 ? picked : deps.tree.visibleRuns()) });
		await vscode.window.showTextDocument(document, { preview: false });
		return document;
	};
}
