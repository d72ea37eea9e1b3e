import * as vscode from 'vscode';
import type { CommandDeps } from '../commands';
import { CommandId } from '../commandIds';
import { runPickItems } from '../pickers';
import { isLiveRun } from '../../core/view/visualState';

/** Lists the runs that are training (or went stale); the one picked is revealed in the tree and its details open. */
export function showRunningExperiments(deps: CommandDeps): () => Promise<boolean> {
	return async () => {
		const running = deps.service.runs().filter(isLiveRun);
		if (running.length === 0) {
			void vscode.window.showInformationMessage('No experiment is running.');
			return false;
		}
		const picked = running.length === 1 ? runPickItems(running)[0] : await vscode.window.showQuickPick(runPickItems(running), { placeHolder: 'Running experiments' });
		if (!picked) {
			return false;
		}
		await vscode.commands.executeCommand(CommandId.RevealInTree, picked.run.dir);
		await vscode.commands.executeCommand(CommandId.OpenDetails, picked.run.dir);
		return true;
	};
}
