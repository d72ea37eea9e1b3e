import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import { loadedApi, resetView, runNamed, runNode, waitFor } from './hostHelpers';

/** The names of the runs selected in the Experiments view. */
function selectedRuns(api: ExperimentTrackerApi): string[] {
	return api.tree.view.selection.map((node) => (node.kind === 'run' ? node.run.name : node.kind));
}

describe('copy id, reveal, terminal, running experiments and log', () => {
	let api: ExperimentTrackerApi;

	before(async () => {
		api = await loadedApi();
	});

	beforeEach(resetView);
	after(resetView);

	it('copies the experiment id, given a folder, a tree node, a run or { dir }', async () => {
		const baseline = runNamed(api, 'unet_baseline');
		const hybrid = runNamed(api, 'swinv2_hybrid');
		const forms: Array<[unknown, string]> = [
			[baseline.dir, baseline.id],
			[await runNode(api, 'swinv2_hybrid'), hybrid.id],
			[runNamed(api, 'swinv2_export'), 'experiment_20261202_140244'],
			[{ dir: runNamed(api, 'low_lr_experiment').dir }, runNamed(api, 'low_lr_experiment').id],
		];
		for (const [argument, id] of forms) {
			await vscode.env.clipboard.writeText('nothing yet');
			assert.equal(await vscode.commands.executeCommand('experimentTracker.copyExperimentId', argument), id);
			assert.equal(await vscode.env.clipboard.readText(), id);
		}
	});

	it('copies nothing for a folder that holds no run', async () => {
		await vscode.env.clipboard.writeText('nothing yet');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.copyExperimentId', '/no/such/run'), undefined);
		assert.equal(await vscode.env.clipboard.readText(), 'nothing yet');
	});

	it('reveals the run folder in the Explorer', async () => {
		const run = runNamed(api, 'high_lr_experiment');
		await vscode.env.clipboard.writeText('nothing yet');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.revealInExplorer', run.dir), true);
		// The Explorer's own Copy Path acts on what it selected: the revealed folder.
		const copied = await waitFor(async () => {
			await vscode.commands.executeCommand('copyFilePath');
			return vscode.env.clipboard.readText();
		}, (text) => text === run.dir, 'the Explorer to select the run folder');
		assert.equal(copied, run.dir);
	});

	it('opens a terminal named after the run, in its folder', async () => {
		const run = runNamed(api, 'swinv2_hybrid');
		const terminal = await vscode.commands.executeCommand<vscode.Terminal>('experimentTracker.openInTerminal', await runNode(api, 'swinv2_hybrid'));
		try {
			const found = vscode.window.terminals.find((entry) => entry.name === run.name);
			assert.ok(found, `a terminal named ${run.name} (have: ${vscode.window.terminals.map((entry) => entry.name).join(', ')})`);
			assert.equal((found.creationOptions as vscode.TerminalOptions).cwd, run.dir);
			assert.equal(found, terminal);
		} finally {
			terminal?.dispose();
		}
	});

	it('reveals a run in the tree, clearing a filter that hides it', async () => {
		await vscode.commands.executeCommand('experimentTracker.filter', 'swinv2');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.revealInTree', runNamed(api, 'low_lr_experiment').dir), true);
		assert.equal(api.tree.viewState.filter, '');
		await waitFor(() => selectedRuns(api), (names) => names.join() === 'low_lr_experiment', 'the run to be selected');
	});

	it('shows the running experiment: the only one is revealed', async () => {
		assert.equal(await vscode.commands.executeCommand('experimentTracker.showRunningExperiments'), true);
		await waitFor(() => selectedRuns(api), (names) => names.join() === 'focal_loss_experiment', 'the running run to be selected');
	});

	it('shows its log in the Output view', async () => {
		await vscode.commands.executeCommand('workbench.action.closePanel');
		await vscode.commands.executeCommand('experimentTracker.showLog');
		const editor = await waitFor(() => vscode.window.visibleTextEditors.find((entry) => entry.document.uri.scheme === 'output'), (found) => found !== undefined, 'the log to show');
		assert.match(decodeURIComponent(editor!.document.uri.path), /exptrack\.experiment-tracker\.Experiment Tracker/);
		await waitFor(() => editor!.document.getText(), (text) => /Indexed 11 runs/.test(text), 'the log to tell how many runs were indexed');
	});
});
