import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, getApi } from './api';

interface CommandContribution {
	command: string;
}

describe('activation in a real VS Code', () => {
	it('runs in a real extension host', () => {
		console.log(`vscode ${vscode.version}, appHost ${vscode.env.appHost}, uiKind ${vscode.env.uiKind}, node ${process.version}`);
		assert.match(vscode.version, /^1\.\d+\.\d+/);
		assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open');
	});

	it('activates and exposes its tree, without waiting for discovery', async () => {
		const api = await getApi();
		console.log(`      activate() took ${api.activationMs.toFixed(1)} ms`);
		assert.ok(Number.isFinite(api.activationMs));
		assert.ok(api.tree.view.visible !== undefined, 'the Experiments view exists');
		assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
	});

	it('registers exactly the commands package.json contributes', async () => {
		await getApi();
		const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON as { contributes: { commands: CommandContribution[] } };
		const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
		// VS Code itself registers `<viewId>.focus` and friends for every contributed view: not ours to compare.
		const registered = (await vscode.commands.getCommands(true))
			.filter((id) => id.startsWith('experimentTracker.') && !id.startsWith('experimentTracker.experiments.'))
			.sort();
		assert.deepEqual(registered, contributed);
	});
});
