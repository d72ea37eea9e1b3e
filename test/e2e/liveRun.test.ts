import * as assert from 'node:assert/strict';
import { startLiveDemo, type LiveDemo } from './demoWorkspace';
import { pollUntil } from '../shared/poll';
import { Workbench } from './workbench';

/** The epoch a label like "epoch 4/15 · val_iou 0.61" shows. */
function epochIn(text: string): number {
	const match = /(\d+)\/\d+/.exec(text);
	assert.ok(match, `no epoch in "${text}"`);
	return Number(match[1]);
}

describe('a live run in the tree and the status bar', () => {
	let workbench: Workbench;
	let live: LiveDemo | undefined;

	before(async () => {
		workbench = await Workbench.open({
			prepare: async (workspace) => {
				live = await startLiveDemo(workspace, { intervalMs: 1500 });
			},
		});
	});

	after(async () => {
		live?.stop();
		await workbench?.close();
	});

	it('shows the runs grouped by status, with the running one advancing epoch by epoch', async () => {
		const sidebar = await workbench.openContainer('Experiment Tracker');
		const running = sidebar.locator('.monaco-list-row', { hasText: 'focal_loss_experiment' }).first();
		await running.waitFor({ timeout: 60_000 });
		for (const group of ['Running', 'Completed', 'Failed', 'Aborted']) {
			await sidebar.locator('.monaco-list-row', { hasText: group }).first().waitFor({ timeout: 10_000 });
		}
		const description = () => running.locator('.label-description').innerText();
		const first = epochIn(await description());
		await pollUntil(description, (text) => epochIn(text) > first, `the tree to move past epoch ${first}`);
		await workbench.screenshot('tree-live-run');
	});

	it('shows the running run\'s progress in the status bar', async () => {
		const item = workbench.page.locator('.statusbar-item', { hasText: 'focal_loss_experiment' }).first();
		await item.waitFor({ timeout: 30_000 });
		const before = epochIn(await item.innerText());
		await pollUntil(() => item.innerText(), (text) => epochIn(text) > before, `the status bar to move past epoch ${before}`);
		assert.match(await item.innerText(), /focal_loss_experiment \d+\/\d+/);
		await workbench.screenshot('status-bar-live-run');
	});
});
