import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createDemoWorkspace, type DemoRun } from '../../src/core/demo/demoWorkspace';
import { TrackerDocument } from '../../src/core/tracker/trackerDocument';
import { screenshotOnFailure } from './failureScreenshot';
import { pollUntil } from '../shared/poll';
import { groupsOf, labelsUnder } from './treeLabels';
import { Workbench } from './workbench';

/** The tags recorded in a run's experiment_tracker.json on disk. */
async function tagsOnDisk(run: DemoRun): Promise<string[]> {
	const text = await readFile(path.join(run.dir, 'experiment_tracker.json'), 'utf8');
	return TrackerDocument.parse(text)?.getStringList('tags') ?? [];
}

describe('tags added from a run\'s context menu', () => {
	let workbench: Workbench | undefined;
	let baseline: DemoRun | undefined;

	before(async () => {
		workbench = await Workbench.open({
			prepare: async (workspace) => {
				const demo = await createDemoWorkspace(workspace);
				baseline = demo.runs.find((run) => run.name === 'unet_baseline');
			},
		});
	});

	after(async () => {
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	it('adds typed comma-separated tags to the run\'s tracker file through the Add Tags quick pick', async () => {
		assert.ok(workbench && baseline);
		await workbench.openContainer('Experiment Tracker');
		const row = workbench.treeRows('unet_baseline').first();
		await row.waitFor({ timeout: 60_000 });
		assert.deepEqual(await tagsOnDisk(baseline), ['baseline', 'unet', 'bce_dice']);

		const menu = await workbench.openContextMenu(row);
		assert.ok((await menu.getByRole('menuitem').allInnerTexts()).includes('Add Tags'));
		await workbench.screenshot('tag-context-menu');
		await workbench.pickMenuItem('Add Tags');

		const quickPick = workbench.quickInput();
		await quickPick.locator('.quick-input-title', { hasText: 'Add tags to unet_baseline' }).waitFor();
		await workbench.page.keyboard.type('e2e-checked');
		await quickPick.locator('.monaco-list-row', { hasText: 'e2e-checked' }).filter({ hasText: 'new tag' }).waitFor();
		await workbench.page.keyboard.type(', reviewed');
		await workbench.screenshot('tag-quick-pick');
		await workbench.page.keyboard.press('Enter');
		await quickPick.waitFor({ state: 'hidden' });

		await pollUntil(() => tagsOnDisk(baseline!), (tags) => tags.includes('reviewed'), 'the new tags in experiment_tracker.json');
		assert.deepEqual(await tagsOnDisk(baseline), ['baseline', 'unet', 'bce_dice', 'e2e-checked', 'reviewed']);
	});

	it('shows the new tags in the run\'s tooltip', async () => {
		assert.ok(workbench);
		const name = workbench.treeRows('unet_baseline').first().locator('.label-name');
		const tooltip = await pollUntil(() => workbench!.hoverText(name), (text) => text !== undefined && /Tags:\s+baseline,\s+unet,\s+bce_dice,\s+e2e-checked,\s+reviewed\n/.test(text), 'the tooltip to list the new tags', 30_000);
		assert.match(tooltip ?? '', /^unet_baseline\n/);
	});

	it('shows the run under each new tag when the tree is grouped by tag', async () => {
		assert.ok(workbench);
		await workbench.runCommand('Experiment Tracker: Group By');
		await workbench.quickInput().locator('.monaco-list-row', { hasText: 'One group per tag' }).click();
		await workbench.treeRows('e2e-checked').first().waitFor();
		const labels = await workbench.treeLabels();
		for (const tag of ['e2e-checked', 'reviewed']) {
			assert.deepEqual(labelsUnder(labels, tag), ['unet_baseline'], `runs under "${tag}" in ${JSON.stringify(labels)}`);
		}
		assert.ok(groupsOf(labels, 'unet_baseline').includes('baseline'), 'the run left the groups of its earlier tags');
		await workbench.screenshot('tag-grouped-by-tag');
	});
});
