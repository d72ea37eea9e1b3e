import * as assert from 'node:assert/strict';
import { createDemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { screenshotOnFailure } from './failureScreenshot';
import { pollUntil } from '../shared/poll';
import { Workbench } from './workbench';

/** The names of the runs the tree shows, sorted (runs are the second level when grouped by status). */
async function shownRuns(workbench: Workbench): Promise<string[]> {
	return (await workbench.treeLabels()).filter((row) => row.level === 2).map((row) => row.label).sort();
}

describe('filtering the Experiments view from its toolbar', () => {
	let workbench: Workbench | undefined;
	let allRuns: string[] = [];

	before(async () => {
		workbench = await Workbench.open({
			prepare: async (workspace) => {
				allRuns = (await createDemoWorkspace(workspace)).runs.map((run) => run.name).sort();
			},
		});
	});

	after(async () => {
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	/**
	 * The view's description. Alone in its container, the view's own header is merged into the
	 * side bar's title and hidden, so this reads the text VS Code holds for it, shown or not.
	 */
	const viewDescription = () => workbench!.page.locator('.part.sidebar .pane-header .description').textContent();

	it('shows only the runs whose name, id, tags or description contain the text, and says how many match', async () => {
		assert.ok(workbench);
		await workbench.openContainer('Experiment Tracker');
		await workbench.treeRows('unet_baseline').first().waitFor({ timeout: 60_000 });
		assert.deepEqual(await pollUntil(() => shownRuns(workbench!), (runs) => runs.length === allRuns.length, 'every run in the tree'), allRuns);
		assert.equal(await workbench.viewTitleAction('Clear Filter').count(), 0);

		await workbench.viewTitleAction('Filter').click();
		const inputBox = workbench.quickInput();
		await inputBox.locator('.quick-input-title', { hasText: 'Filter Experiments' }).waitFor();
		await workbench.page.keyboard.type('swinv2');
		await workbench.page.keyboard.press('Enter');
		await inputBox.waitFor({ state: 'hidden' });

		const expected = ['swinv2_360x360', 'swinv2_export', 'swinv2_hybrid'];
		assert.deepEqual(await pollUntil(() => shownRuns(workbench!), (runs) => runs.length === expected.length, 'the tree to show only the matching runs'), expected);
		assert.equal(await viewDescription(), `${expected.length} of ${allRuns.length} match "swinv2"`);
		await workbench.viewTitleAction('Clear Filter').waitFor();
		await workbench.screenshot('filter-applied');
	});

	it('shows every run again when the filter is cleared from the toolbar', async () => {
		assert.ok(workbench);
		await workbench.viewTitleAction('Clear Filter').click();
		assert.deepEqual(await pollUntil(() => shownRuns(workbench!), (runs) => runs.length === allRuns.length, 'every run back in the tree'), allRuns);
		await workbench.viewTitleAction('Clear Filter').waitFor({ state: 'detached' });
		assert.equal(await viewDescription(), '');
		await workbench.screenshot('filter-cleared');
	});
});
