import * as assert from 'node:assert/strict';
import { createDemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { useWorkbench } from './failureScreenshot';
import { Workbench } from './workbench';

describe('Compare Configs on two runs selected in the tree', () => {
	const opened = useWorkbench(() => Workbench.open({ prepare: (workspace) => createDemoWorkspace(workspace) }));

	it('opens VS Code\'s diff editor on their config.json files, the first selected on the left', async () => {
		const workbench = opened();
		await workbench.openContainer('Experiment Tracker');
		const baseline = workbench.treeRows('unet_baseline').first();
		const hybrid = workbench.treeRows('swinv2_hybrid').first();
		await baseline.waitFor({ timeout: 60_000 });
		await baseline.click();
		await hybrid.click({ modifiers: ['Control'] });
		const selected = workbench.page.locator('[aria-selected="true"]');
		await baseline.and(selected).waitFor({ timeout: 5_000 });
		await hybrid.and(selected).waitFor({ timeout: 5_000 });

		const menu = await workbench.openContextMenu(hybrid);
		assert.ok((await menu.getByRole('menuitem').allInnerTexts()).includes('Compare Configs'));
		await workbench.screenshot('compare-context-menu');
		await workbench.pickMenuItem('Compare Configs');

		const page = workbench.page;
		await page.locator('.tabs-container .tab', { hasText: 'config.json: unet_baseline ↔ swinv2_hybrid' }).waitFor({ timeout: 20_000 });
		const diff = page.locator('.editor-group-container.active .monaco-diff-editor');
		await diff.waitFor();
		const original = diff.locator('.editor.original .view-lines');
		const modified = diff.locator('.editor.modified .view-lines');
		// unet_baseline trains 12 epochs with Adam; swinv2_hybrid 15 with AdamW.
		await original.filter({ hasText: /"epochs":\s12,/ }).waitFor();
		await modified.filter({ hasText: /"epochs":\s15,/ }).waitFor();
		assert.match(await original.innerText(), /"_target_":\s"torch\.optim\.Adam"/);
		assert.match(await modified.innerText(), /"_target_":\s"torch\.optim\.AdamW"/);
		// The diff is computed after both sides render: wait for its marks rather than count them at once.
		await diff.locator('.editor.original .line-delete').first().waitFor({ timeout: 20_000 });
		await diff.locator('.editor.modified .line-insert').first().waitFor({ timeout: 20_000 });
		await workbench.screenshot('compare-configs-diff');
	});
});
