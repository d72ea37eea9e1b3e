import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import * as vscode from 'vscode';
import { startTrainer, type StartTrainerOptions } from '../../../src/core/demo/startTrainer';
import type { RunSummary } from '../../../src/core/runs/runModel';
import type { ExperimentTrackerApi } from '../../../src/extension/extension';
import { editRuns } from '../fixtures';
import { closeAllEditors, loadedApi, runNamed, waitFor } from '../hostHelpers';

/**
 * Toasts are hidden under the smoke-test driver, and no API reads notifications, but the
 * workbench's own "Accept Notification Primary Action" runs the first action of the newest
 * one. The extension's run notifications have one, Open, which opens the run: so a run that
 * opens proves its notification was shown.
 */
async function acceptNewestNotification(): Promise<void> {
	await vscode.commands.executeCommand('notification.acceptPrimaryAction');
}

/** The run is selected in the Experiments view, or its detail panel is open. */
function isOpen(api: ExperimentTrackerApi, run: RunSummary): boolean {
	const selected = api.tree.view.selection.some((node) => node.kind === 'run' && node.run.dir === run.dir);
	const panel = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
		.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === run.name);
	return selected || panel;
}

describe('notifications when a run ends', () => {
	let api: ExperimentTrackerApi;

	before(async () => {
		api = await loadedApi();
	});

	beforeEach(async () => {
		await vscode.commands.executeCommand('notifications.clearAll');
		await closeAllEditors();
	});

	/** Trains `name` to its end and waits until the index shows `status`. */
	async function train(name: string, options: StartTrainerOptions, status: string): Promise<RunSummary> {
		const run = runNamed(api, name);
		assert.equal(isOpen(api, run), false, 'not open before it ends');
		const trainer = startTrainer(run.dir, options);
		const [code] = await once(trainer, 'exit') as [number | null];
		assert.equal(code, 0);
		await waitFor(() => api.service.get(run.dir)?.status, (value) => value === status, `${name} to be ${status}`);
		return run;
	}

	it('tells when a training process completes its run; Open opens the run', async () => {
		const run = await train(editRuns.notifyCompleted.name, { epochs: 2, intervalMs: 300 }, 'completed');
		await waitFor(async () => {
			await acceptNewestNotification();
			return isOpen(api, run);
		}, (opened) => opened, 'the completion notification\'s Open action to open the run');
	});

	it('tells when a training process fails; Open opens the run', async () => {
		const run = await train(editRuns.notifyFailed.name, { epochs: 3, intervalMs: 300, failAt: 2 }, 'failed');
		await waitFor(async () => {
			await acceptNewestNotification();
			return isOpen(api, run);
		}, (opened) => opened, 'the failure notification\'s Open action to open the run');
	});

	it('does not tell the user about a run they marked themselves', async () => {
		// A mark on a run whose writer has stopped is written at once and leaves the journal.
		const run = runNamed(api, editRuns.markedByHand.name);
		assert.equal(await vscode.commands.executeCommand('experimentTracker.markCompleted', run.dir), true);
		await waitFor(() => api.service.get(run.dir)?.status, (value) => value === 'completed', 'the mark to be indexed');
		// The notifier reacts to the same index event; give the workbench a moment to receive it.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		await acceptNewestNotification();
		await new Promise((resolve) => setTimeout(resolve, 500));
		assert.equal(isOpen(api, run), false, 'no notification offered to open the run');
	});
});
