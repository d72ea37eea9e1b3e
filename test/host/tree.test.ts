import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/tree/treeNodes';
import { missingArtifactName, missingArtifactRun, rerunName } from './fixtures';
import { groupedRunNames, loadedApi, resetView, runNamed, runNode } from './hostHelpers';

/** The id and colour id of a tree item's ThemeIcon. */
function iconOf(item: vscode.TreeItem): { id: string; color?: string } {
	assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${String(item.label)} has a product icon`);
	return { id: item.iconPath.id, ...(item.iconPath.color ? { color: item.iconPath.color.id } : {}) };
}

describe('the Experiments tree on the demo workspace', () => {
	let api: ExperimentTrackerApi;

	before(async () => {
		api = await loadedApi();
	});

	beforeEach(resetView);

	it('groups the runs by status, runs needing attention first and newest first within a group', async () => {
		const labels = (await api.tree.getChildren()).map((node) => (node.kind === 'group' ? node.label : node.kind));
		assert.deepEqual(labels, ['Running', 'Stale', 'Failed', 'Aborted', 'Completed', 'Created', 'Problems']);
		assert.deepEqual(await groupedRunNames(api), {
			Running: ['focal_loss_experiment'],
			Stale: ['main_experiment'],
			Failed: ['high_lr_experiment'],
			Aborted: ['low_lr_experiment'],
			Completed: ['swinv2_360x360', 'swinv2_export', 'swinv2_hybrid', 'unet_baseline'],
			Created: [rerunName, 'created_only_experiment'],
			Problems: ['torn_save_experiment'],
		});
	});

	it('shows each group expanded, with its run count', async () => {
		const groups = await api.tree.getChildren();
		const completed = groups.find((node) => node.kind === 'group' && node.label === 'Completed')!;
		const item = api.tree.getTreeItem(completed);
		assert.equal(item.label, 'Completed');
		assert.equal(item.description, '4');
		assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
		assert.equal(item.id, 'group:status:completed');
	});

	it('shows a run with its name, progress or headline metric, and an icon per state', async () => {
		const expected: Array<[string, { id: string; color?: string }, RegExp]> = [
			['focal_loss_experiment', { id: 'sync~spin', color: 'charts.blue' }, /^epoch 2\/15 · val_iou 0\.\d{3}$/],
			['main_experiment', { id: 'watch', color: 'list.warningForeground' }, /^epoch 3\/20 · val_iou 0\.343$/],
			['high_lr_experiment', { id: 'error', color: 'testing.iconFailed' }, /^val_loss 0\.554 · \d+ days? ago$/],
			['low_lr_experiment', { id: 'circle-slash', color: 'disabledForeground' }, /^val_iou 0\.184 · \d+ days? ago$/],
			['unet_baseline', { id: 'pass', color: 'testing.iconPassed' }, /^val_iou 0\.633 · \d+ days? ago$/],
			['created_only_experiment', { id: 'circle-large-outline' }, /^\d+ days? ago$/],
			['torn_save_experiment', { id: 'warning', color: 'list.errorForeground' }, /^val_iou 0\.501 · \d+ days? ago$/],
		];
		for (const [name, icon, description] of expected) {
			const item = api.tree.getTreeItem(await runNode(api, name));
			assert.equal(item.label, name);
			assert.deepEqual(iconOf(item), icon, `icon of ${name}`);
			assert.match(String(item.description), description, `description of ${name}`);
			assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
		}
	});

	it('gives a run the context flags its menus test', async () => {
		const contextOf = async (name: string) => api.tree.getTreeItem(await runNode(api, name)).contextValue;
		assert.equal(await contextOf('focal_loss_experiment'), 'run running live open tagged');
		assert.equal(await contextOf('unet_baseline'), 'run completed tagged');
		assert.equal(await contextOf('created_only_experiment'), 'run created open');
	});

	it('explains a run in its tooltip', async () => {
		const tooltip = api.tree.getTreeItem(await runNode(api, 'high_lr_experiment')).tooltip;
		assert.ok(tooltip instanceof vscode.MarkdownString);
		const text = tooltip.value.replace(/&nbsp;/g, ' ');
		assert.match(text, /^\*\*high\\_lr\\_experiment\*\*/);
		assert.match(text, /Status: failed/);
		assert.match(text, /Error: RuntimeError: CUDA out of memory/);
	});

	it('keeps every node id unique and the same across a refresh', async () => {
		const ids = async () => {
			const collected: string[] = [];
			for (const group of await api.tree.getChildren()) {
				collected.push(api.tree.getTreeItem(group).id!);
				for (const run of await api.tree.getChildren(group)) {
					collected.push(api.tree.getTreeItem(run).id!);
				}
			}
			return collected;
		};
		const before = await ids();
		assert.equal(new Set(before).size, before.length);
		assert.equal(before.length, 7 + 11);
		await vscode.commands.executeCommand('experimentTracker.refresh');
		assert.deepEqual(await ids(), before);
	});

	it('lists a run\'s config, checkpoints, metric files and images under it, each opening in an editor', async () => {
		const run = runNamed(api, 'unet_baseline');
		const children = await api.tree.getChildren(await runNode(api, 'unet_baseline'));
		const shown = children.map((node) => {
			const item = api.tree.getTreeItem(node);
			return [item.label, iconOf(item).id, item.description ?? ''];
		});
		assert.deepEqual(shown, [
			['config.json', 'settings-gear', ''],
			['checkpoint_last.pth', 'database', ''],
			['model_best.pth.tar', 'database', ''],
			['complete_summary.json', 'graph-line', ''],
			['summary.json', 'graph-line', ''],
			['validation_metrics.jsonl', 'graph-line', ''],
			['training_curves.png', 'file-media', ''],
		]);
		const config = api.tree.getTreeItem(children[0]!);
		assert.equal(config.command?.command, 'vscode.open');
		assert.equal((config.command?.arguments?.[0] as vscode.Uri).fsPath, path.join(run.dir, 'config.json'));
		assert.equal(config.collapsibleState, vscode.TreeItemCollapsibleState.None);
	});

	it('marks a recorded artifact that is gone from disk as missing', async () => {
		const children = await api.tree.getChildren(await runNode(api, missingArtifactRun));
		const items = children.map((node) => api.tree.getTreeItem(node));
		const missing = items.filter((item) => item.description === 'missing');
		assert.deepEqual(missing.map((item) => item.label), [missingArtifactName]);
		assert.deepEqual(iconOf(missing[0]!), { id: 'warning', color: 'list.warningForeground' });
		assert.equal(missing[0]!.command, undefined, 'a missing file has nothing to open');
		assert.equal(missing[0]!.contextValue, 'file missing');
		assert.ok(items.some((item) => item.label === 'checkpoint_last.pth' && item.description === undefined));
	});

	it('lists an ArtifactManager run\'s models and metrics, and no config a tracker-less run lacks', async () => {
		const labels = async (name: string) => (await api.tree.getChildren(await runNode(api, name))).map((node: TreeNode) => api.tree.getTreeItem(node).label);
		assert.deepEqual(await labels('swinv2_export'), ['best_model.pth', 'final_model.pth', 'final_metrics.json', 'training_curves.png']);
		assert.ok(!(await labels('swinv2_360x360')).includes('config.json'));
	});
});
