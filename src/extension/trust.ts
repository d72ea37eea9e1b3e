import * as vscode from 'vscode';

/**
 * In Restricted Mode the extension shows everything but never writes a file and never starts
 * git or Python. Commands that would call this first; it explains and offers to manage trust.
 */
export async function requireTrust(action: string): Promise<boolean> {
	if (vscode.workspace.isTrusted) {
		return true;
	}
	const manage = 'Manage Workspace Trust';
	const choice = await vscode.window.showWarningMessage(
		`${action} is not available in Restricted Mode: Experiment Tracker only reads run files there, and never writes them or starts git or Python. Trust this workspace to ${action.toLowerCase()}.`,
		manage,
	);
	if (choice === manage) {
		await vscode.commands.executeCommand('workbench.trust.manage');
	}
	return false;
}
