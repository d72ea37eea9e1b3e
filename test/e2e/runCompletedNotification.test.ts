import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createDemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { startTrainer } from '../../src/core/demo/startTrainer';
import { screenshotOnFailure } from './failureScreenshot';
import { groupsOf, labelsUnder } from './treeLabels';
import { Workbench } from './workbench';

/** Epochs the demo's running run has in all; it starts with 2 of them done. */
const totalEpochs = 4;
/** Wall time of one of the trainer's epochs, in ms. */
const epochMs = 700;

describe('a notification when a live run completes', () => {
	let workbench: Workbench | undefined;
	let liveRunDir = '';
	let trainer: ChildProcess | undefined;

	before(async () => {
		workbench = await Workbench.open({
			prepare: async (workspace) => {
				liveRunDir = (await createDemoWorkspace(workspace, { liveTotalEpochs: totalEpochs, liveIntervalMs: epochMs })).liveRunDir;
			},
		});
	});

	after(async () => {
		if (trainer && trainer.exitCode === null && trainer.signalCode === null) {
			trainer.kill('SIGTERM');
		}
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	it('says the run completed, with an Open button, once the trainer finishes its last epoch', async () => {
		assert.ok(workbench);
		await workbench.openContainer('Experiment Tracker');
		const row = workbench.treeRows('focal_loss_experiment').first();
		await row.locator('.label-description', { hasText: `epoch 2/${totalEpochs}` }).waitFor({ timeout: 60_000 });
		assert.equal(await workbench.notificationToasts('focal_loss_experiment').count(), 0);

		// Started only now that the view shows the run as running, so the view sees it end.
		trainer = startTrainer(liveRunDir, { intervalMs: epochMs });
		const toast = workbench.notificationToasts('focal_loss_experiment completed');
		await toast.waitFor({ timeout: 30_000 });
		assert.match(await toast.locator('.notification-list-item-message').innerText(), /^focal_loss_experiment completed · val_iou \d/);
		await toast.getByRole('button', { name: 'Open', exact: true }).waitFor();
		await workbench.screenshot('notification-run-completed');
	});

	it('opens the run\'s detail panel when Open is clicked, the run now under Completed in the tree', async () => {
		assert.ok(workbench);
		const page = workbench.page;
		const panelTab = page.locator('.tabs-container .tab', { hasText: 'focal_loss_experiment' });
		assert.equal(await panelTab.count(), 0);
		const toast = workbench.notificationToasts('focal_loss_experiment completed');
		await toast.getByRole('button', { name: 'Open', exact: true }).click();
		await panelTab.and(page.locator('.tab.active')).waitFor({ timeout: 10_000 });
		await toast.waitFor({ state: 'hidden' });
		const labels = await workbench.treeLabels();
		assert.deepEqual(groupsOf(labels, 'focal_loss_experiment'), ['Completed'], `the run's group in ${JSON.stringify(labels)}`);
		assert.equal(labelsUnder(labels, 'Running'), undefined, 'a Running group is still shown');
		await workbench.screenshot('notification-open-run');
	});
});
