import * as path from 'node:path';
import * as vscode from 'vscode';
import { createRun, type CreatedRun } from '../../core/tracker/createRun';
import { trackerSnippet } from '../../core/view/trackerSnippet';
import type { CommandDeps } from '../commands';
import { CommandId } from '../commandIds';
import { requireTrust } from '../trust';
import { askCreateRequest, type CreateRequest } from './createExperimentSteps';

/**
 * Creates a run as CrackSeg's ExperimentManager does (folder, experiment_info.json, registry
 * entry, a complete experiment_tracker.json with the environment), then offers the Python
 * snippet that attaches a tracker to it and a terminal in it. Tests pass the request directly.
 */
export function createExperiment(deps: CommandDeps): (request?: Partial<CreateRequest>) => Promise<CreatedRun | undefined> {
	return async (given) => {
		if (!(await requireTrust('Create Experiment'))) {
			return undefined;
		}
		const folders = vscode.workspace.workspaceFolders?.filter((folder) => folder.uri.scheme === 'file') ?? [];
		const workspace = given?.workspace ?? (folders.length > 1 ? (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the run in which folder?' }))?.uri.fsPath : folders[0]?.uri.fsPath);
		if (!workspace) {
			void vscode.window.showInformationMessage('Open a folder to create an experiment run in it.');
			return undefined;
		}
		const request = given?.name ? { workspace, description: '', tags: [], ...given, name: given.name } : await askCreateRequest(deps.service, workspace);
		if (!request) {
			return undefined;
		}
		const rootSetting = deps.config().roots[0] ?? 'artifacts';
		const root = path.isAbsolute(rootSetting) ? rootSetting : path.join(request.workspace, rootSetting);
		const created = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Creating ${request.name} (reading the Python environment and git state)…` }, () => createRun({
			root, workspace: request.workspace, name: request.name, description: request.description, tags: request.tags, configFile: request.configFile,
		}));
		deps.log.info(`Created ${created.id} in ${created.dir}${created.warnings.length > 0 ? ` (${created.warnings.join('; ')})` : ''}`);
		for (const warning of created.warnings) {
			void vscode.window.showWarningMessage(`${created.name}: ${warning}`);
		}
		await deps.service.refresh();
		if (!given?.name) {
			void offerNextSteps(deps, created, request.workspace);
		}
		return created;
	};
}

async function offerNextSteps(deps: CommandDeps, created: CreatedRun, workspace: string): Promise<void> {
	const copy = 'Copy Python Snippet';
	const terminal = 'Open Terminal';
	const choice = await vscode.window.showInformationMessage(`Created ${created.id}. Attach CrackSeg's ExperimentTracker to it from your training script.`, copy, terminal);
	if (choice === copy) {
		await vscode.env.clipboard.writeText(trackerSnippet({ dir: created.dir, id: created.id, name: created.name, workspace }));
		vscode.window.setStatusBarMessage('$(copy) Python snippet copied', 3000);
	} else if (choice === terminal) {
		await vscode.commands.executeCommand(CommandId.OpenInTerminal, created.dir);
	}
	await vscode.commands.executeCommand(CommandId.RevealInTree, created.dir);
	deps.log.info(`Next step for ${created.id}: ${choice ?? 'dismissed'}`);
}
