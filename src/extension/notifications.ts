import * as vscode from 'vscode';
import { completionNotice } from '../core/view/completionNotice';
import { CommandId } from './commandIds';
import { Disposable } from './disposable';
import { markedByUserRecently } from './runEdits';
import type { TrackerService } from './trackerService';

/**
 * A notification when a run completes, fails or is aborted (setting
 * `experimentTracker.notifications.enabled`), with an action that selects the run in the tree and opens its details.
 */
export class RunEndNotifier extends Disposable {
	constructor(service: TrackerService, private enabled: boolean) {
		super();
		this._register(service.onDidChange((event) => {
			// The user does not need to be told what they just did.
			if (event.type !== 'changed' || !this.enabled || markedByUserRecently(event.run.dir)) {
				return;
			}
			const notice = completionNotice(event.previous, event.run);
			if (notice) {
				void this.show(notice.kind, notice.message, event.run.dir);
			}
		}));
	}

	setEnabled(enabled: boolean): void {
		this.enabled = enabled;
	}

	private async show(kind: 'completed' | 'failed' | 'aborted', message: string, dir: string): Promise<void> {
		const open = 'Open';
		const show = kind === 'failed' ? vscode.window.showErrorMessage : kind === 'aborted' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
		if ((await show(message, open)) === open) {
			await vscode.commands.executeCommand(CommandId.RevealInTree, dir);
			await vscode.commands.executeCommand(CommandId.OpenDetails, dir);
		}
	}
}
