import * as vscode from 'vscode';

/** The extension's single log channel ("Experiment Tracker" in the Output view). */
export function createLog(): vscode.LogOutputChannel {
	return vscode.window.createOutputChannel('Experiment Tracker', { log: true });
}
