import * as vscode from 'vscode';
import type { ExperimentTrackerApi } from '../../src/extension/extension';

export const extensionId = 'exptrack.experiment-tracker';

/** Activates the extension under test and returns the API `activate` exposes. */
export async function getApi(): Promise<ExperimentTrackerApi> {
	const extension = vscode.extensions.getExtension<ExperimentTrackerApi>(extensionId);
	if (!extension) {
		throw new Error(`${extensionId} is not loaded in this extension host`);
	}
	return extension.activate();
}
