import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import type { DemoRun } from '../../src/core/demo/demoWorkspace';
import { startLiveDemo, type LiveDemo } from './demoWorkspace';
import { screenshotOnFailure } from './failureScreenshot';
import { pollUntil } from '../shared/poll';
import { readTrackerFile } from './runFilesOnDisk';
import { definitionList, openDetailPanel, scrollPanelTo, scrollPosition } from './webviewFrame';
import { Workbench } from './workbench';

/** The epoch the panel's Progress section shows ("7 / 200" → 7). */
async function shownEpoch(panel: FrameLocator): Promise<number> {
	const text = (await definitionList(panel.locator('#progress dl')))['Epoch'] ?? '';
	const match = /^(\d+) \/ \d+$/.exec(text);
	assert.ok(match, `no epoch in "${text}"`);
	return Number(match[1]);
}

/** Waits until the panel shows an epoch at least `count` past `from`; returns it. */
function epochsLater(panel: FrameLocator, from: number, count: number): Promise<number> {
	return pollUntil(() => shownEpoch(panel), (epoch) => epoch >= from + count, `the panel to move ${count} epochs past ${from}`);
}

describe('the detail panel while a run trains, and edits from it', () => {
	let workbench: Workbench | undefined;
	let live: LiveDemo | undefined;
	let panel: FrameLocator | undefined;

	const demoRun = (name: string): DemoRun => {
		const run = live?.demo.runs.find((entry) => entry.name === name);
		assert.ok(run, `the demo workspace has no run ${name}`);
		return run;
	};

	before(async () => {
		workbench = await Workbench.open({ prepare: async (workspace) => (live = await startLiveDemo(workspace, { intervalMs: 1000 })) });
	});

	after(async () => {
		live?.stop();
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	it('advances the epoch and the loss curve while the trainer process writes epochs', async () => {
		assert.ok(workbench);
		await workbench.openContainer('Experiment Tracker');
		await workbench.treeRows('focal_loss_experiment').first().waitFor({ timeout: 60_000 });
		panel = await openDetailPanel(workbench, 'focal_loss_experiment');
		const loss = panel.locator('#charts article.chart-card[data-chart-id="loss"]');
		await loss.getByRole('button', { name: 'Table of Loss values' }).click();
		const tableRows = () => loss.locator('table tbody tr').count();
		const lastRowEpoch = async () => Number(await loss.locator('table tbody tr th').last().innerText());

		const firstEpoch = await shownEpoch(panel);
		const firstRows = await tableRows();
		const firstProgress = Number(await panel.locator('#progress progress').getAttribute('value'));
		await epochsLater(panel, firstEpoch, 2);
		const rows = await pollUntil(tableRows, (count) => count >= firstRows + 2, `the loss table to grow past ${firstRows} rows`);
		assert.ok(await lastRowEpoch() >= firstEpoch + 2, 'the table\'s last row is not a new epoch');
		assert.ok(Number(await panel.locator('#progress progress').getAttribute('value')) > firstProgress, 'the progress bar did not move');
		assert.equal(await loss.getByRole('button', { name: 'Table of Loss values' }).getAttribute('aria-pressed'), 'true', 'the update switched the table view off');
		await workbench.screenshot('panel-live-table');

		// Back to the curve: it is redrawn with the same epochs as the table had.
		await loss.getByRole('button', { name: 'Table of Loss values' }).click();
		const label = await loss.locator('svg.chart-svg').getAttribute('aria-label') ?? '';
		const epochsInCurve = Number(/over (\d+) epochs/.exec(label)?.[1]);
		assert.ok(epochsInCurve >= rows, `the curve covers ${epochsInCurve} epochs, the table had ${rows} ("${label}")`);
	});

	it('keeps the scroll position when a live update arrives', async () => {
		assert.ok(workbench && panel);
		const scrolled = await scrollPanelTo(panel, 450);
		assert.equal(scrolled, 450, 'the panel is too short to scroll');
		const epoch = await shownEpoch(panel);
		await epochsLater(panel, epoch, 1);
		assert.equal(await scrollPosition(panel), scrolled);
		await epochsLater(panel, epoch, 2);
		assert.equal(await scrollPosition(panel), scrolled);
		await scrollPanelTo(panel, 0);
	});

	it('keeps a description being edited across live updates, and writes nothing until it is saved', async () => {
		assert.ok(workbench && panel);
		const dir = demoRun('focal_loss_experiment').dir;
		const recorded = (await readTrackerFile(dir)).description;
		await panel.getByRole('button', { name: 'Edit Description' }).click();
		const textarea = panel.getByRole('textbox', { name: 'Description' });
		assert.equal(await textarea.inputValue(), recorded);
		await textarea.fill('');
		const draft = 'Focal loss, gamma 2: watching whether val_iou passes 0.6';
		await textarea.pressSequentially(draft);

		const epoch = await shownEpoch(panel);
		await epochsLater(panel, epoch, 2);
		assert.equal(await textarea.inputValue(), draft);
		assert.equal((await readTrackerFile(dir)).description, recorded);
		await workbench.screenshot('panel-live-editing');

		await textarea.press('Escape');
		await panel.locator('.description-block p.description').getByText(recorded, { exact: true }).waitFor();
		assert.equal((await readTrackerFile(dir)).description, recorded);
	});

	it('writes a description saved in a finished run\'s panel to its tracker file at once (Save, then Ctrl+Enter)', async () => {
		assert.ok(workbench);
		const dir = demoRun('unet_baseline').dir;
		const finished = await openDetailPanel(workbench, 'unet_baseline');
		const edits = [
			{ text: 'U-Net baseline, re-checked on the unified crack dataset', save: () => finished.getByRole('button', { name: 'Save' }).click() },
			{ text: 'U-Net baseline\nsecond line kept as typed', save: () => finished.getByRole('textbox', { name: 'Description' }).press('Control+Enter') },
		];
		for (const edit of edits) {
			await finished.getByRole('button', { name: 'Edit Description' }).click();
			await finished.getByRole('textbox', { name: 'Description' }).fill(edit.text);
			await edit.save();
			await pollUntil(async () => (await readTrackerFile(dir)).description, (text) => text === edit.text, `experiment_tracker.json to hold "${edit.text}"`);
			await pollUntil(() => finished.locator('.description-block p.description').innerText(), (text) => text === edit.text, 'the panel to show the saved description');
		}
		assert.equal((await readTrackerFile(dir)).status, 'completed');
	});
});
