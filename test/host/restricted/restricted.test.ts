import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExperimentTrackerApi } from '../../../src/extension/extension';
import { rerunName } from '../fixtures';
import { closeAllEditors, groupedRunNames, loadedApi, runNamed, waitFor } from '../hostHelpers';

/** Every file and folder under `root` (hidden ones included) → a hash of its content ('dir' for folders). */
async function snapshot(root: string): Promise<Record<string, string>> {
	const entries = await readdir(root, { withFileTypes: true, recursive: true });
	const result: Record<string, string> = {};
	for (const entry of entries) {
		const full = path.join(entry.parentPath, entry.name);
		result[path.relative(root, full)] = entry.isDirectory() ? 'dir' : createHash('sha256').update(await readFile(full)).digest('hex');
	}
	return result;
}

/**
 * Runs a command that may wait on a notification (requireTrust's warning waits for its
 * button): dismisses notifications until the command has returned, and returns its result.
 */
async function runDismissing(command: string, ...args: unknown[]): Promise<unknown> {
	let settled = false;
	const result = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => {
		settled = true;
	});
	while (!settled) {
		await vscode.commands.executeCommand('notifications.clearAll');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return result;
}

describe('Restricted Mode', () => {
	let api: ExperimentTrackerApi;
	const workspace = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

	before(async () => {
		api = await loadedApi();
	});

	it('opens the workspace untrusted', () => {
		assert.equal(vscode.workspace.isTrusted, false);
	});

	it('still shows every run in the tree, grouped by status', async () => {
		const groups = await groupedRunNames(api);
		assert.deepEqual(Object.keys(groups), ['Running', 'Stale', 'Failed', 'Aborted', 'Completed', 'Created', 'Problems']);
		assert.deepEqual(groups.Created, [rerunName, 'created_only_experiment']);
		assert.equal(Object.values(groups).flat().length, 11);
	});

	it('writes no file when asked to tag, describe, mark, create or verify', async () => {
		const dir = (name: string) => runNamed(api, name).dir;
		const before = await snapshot(workspace());
		const attempts: Array<[string, unknown[]]> = [
			['experimentTracker.addTags', [dir('unet_baseline'), ['restricted']]],
			['experimentTracker.removeTags', [dir('unet_baseline'), ['baseline']]],
			['experimentTracker.editDescription', [dir('swinv2_hybrid'), 'changed in Restricted Mode']],
			['experimentTracker.markCompleted', [dir('created_only_experiment')]],
			['experimentTracker.markFailed', [dir(rerunName), 'no reason']],
			['experimentTracker.markAborted', [{ dir: dir('torn_save_experiment') }]],
			['experimentTracker.createExperiment', [{ name: 'restricted_run', workspace: workspace() }]],
			['experimentTracker.verifyReproducibility', [dir('unet_baseline')]],
		];
		for (const [command, args] of attempts) {
			const result = await runDismissing(command, ...args);
			assert.ok(result === false || result === undefined, `${command} reported doing nothing (got ${JSON.stringify(result)})`);
		}
		assert.deepEqual(await snapshot(workspace()), before);
		assert.deepEqual(runNamed(api, 'unet_baseline').tags, ['baseline', 'unet', 'bce_dice']);
	});

	it('explains why, offering to manage workspace trust', async () => {
		await closeAllEditors();
		await vscode.commands.executeCommand('notifications.clearAll');
		const pending = vscode.commands.executeCommand('experimentTracker.addTags', runNamed(api, 'unet_baseline').dir, ['restricted']);
		// The warning's only button, as a click on it: it opens VS Code's Workspace Trust editor.
		const tabs = await waitFor(async () => {
			await vscode.commands.executeCommand('notification.acceptPrimaryAction');
			return vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
		}, (labels) => labels.includes('Workspace Trust'), 'the Workspace Trust editor to open');
		assert.ok(tabs.includes('Workspace Trust'));
		assert.equal(await pending, false);
		await closeAllEditors();
	});

	it('still reads: copying an id and exporting work', async () => {
		const run = runNamed(api, 'unet_baseline');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.copyExperimentId', run.dir), run.id);
		assert.equal(await vscode.env.clipboard.readText(), run.id);
		const document = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportCsv', undefined, [run]);
		assert.equal(document.getText().split('\r\n').filter((line) => line !== '').length, 2);
		await closeAllEditors();
	});
});
