import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { Workbench } from './workbench';

describe('Experiments view in the real workbench', () => {
	let workbench: Workbench;

	before(async () => {
		workbench = await Workbench.open({
			prepare: (workspace) => mkdir(path.join(workspace, 'artifacts', 'experiments'), { recursive: true }),
		});
	});

	after(async () => {
		await workbench?.close();
	});

	it('shows the activity-bar container, the view and its welcome content', async () => {
		const sidebar = await workbench.openContainer('Experiment Tracker');
		// A container with a single view shows the view's name in the side bar's title, not in a pane header.
		const title = sidebar.locator('.composite.title');
		await title.waitFor({ timeout: 30_000 });
		console.log(`side bar title: ${await title.innerText()}`);
		assert.match(await title.innerText(), /Experiment/i);
		const welcome = sidebar.locator('.welcome-view-content', { hasText: 'No experiment runs found yet' });
		await welcome.waitFor({ timeout: 30_000 });
		assert.match(await welcome.innerText(), /artifacts\/experiments\//);
		await workbench.screenshot('experiments-view-welcome');
	});
});
