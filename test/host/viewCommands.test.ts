import * as assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createRun } from '../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../src/core/tracker/newTracker';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import { rerunName } from './fixtures';
import { groupedRunNames, loadedApi, resetView } from './hostHelpers';

const allRunsNewestFirst = [
	rerunName, 'focal_loss_experiment', 'torn_save_experiment', 'created_only_experiment', 'swinv2_360x360',
	'swinv2_export', 'low_lr_experiment', 'high_lr_experiment', 'swinv2_hybrid', 'unet_baseline', 'main_experiment',
];

describe('filter, group by, sort by and refresh', () => {
	let api: ExperimentTrackerApi;
	const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<boolean>(`experimentTracker.${command}`, ...args);

	before(async () => {
		api = await loadedApi();
	});

	beforeEach(resetView);
	after(resetView);

	it('filters by name, tag or description, and the view says how many runs match', async () => {
		assert.equal(await run('filter', 'swinv2'), true);
		assert.deepEqual(await groupedRunNames(api), { Completed: ['swinv2_360x360', 'swinv2_export', 'swinv2_hybrid'] });
		assert.equal(api.tree.view.description, '3 of 11 match "swinv2"');
		await run('filter', 'lr-sweep');
		assert.deepEqual(await groupedRunNames(api), { Failed: ['high_lr_experiment'], Aborted: ['low_lr_experiment'] });
		assert.equal(api.tree.view.description, '2 of 11 match "lr-sweep"');
		await run('filter', 'PORTÁTIL');
		assert.deepEqual(await groupedRunNames(api), { Aborted: ['low_lr_experiment'] });
		assert.equal(api.tree.view.description, '1 of 11 matches "PORTÁTIL"');
		await run('filter', 'no-such-run');
		assert.deepEqual(await groupedRunNames(api), {});
		assert.equal(api.tree.view.description, 'none of 11 match "no-such-run"');
	});

	it('clears the filter', async () => {
		await run('filter', 'unet');
		await run('clearFilter');
		assert.equal(api.tree.viewState.filter, '');
		assert.equal(api.tree.view.description, undefined);
		assert.equal(Object.values(await groupedRunNames(api)).flat().length, 11);
		assert.equal(api.tree.visibleRuns().length, 11);
	});

	it('groups by tag, a run under each of its tags, untagged runs last', async () => {
		assert.equal(await run('groupBy', 'tag'), true);
		assert.deepEqual(await groupedRunNames(api), {
			aspp: ['swinv2_hybrid'],
			baseline: ['unet_baseline'],
			bce_dice: ['unet_baseline'],
			export: ['swinv2_export'],
			focal_loss: ['focal_loss_experiment'],
			hybrid: ['swinv2_hybrid'],
			'lr-sweep': ['low_lr_experiment', 'high_lr_experiment'],
			swinv2: ['swinv2_export', 'swinv2_hybrid'],
			unet: ['focal_loss_experiment', 'unet_baseline'],
			Untagged: [rerunName, 'torn_save_experiment', 'created_only_experiment', 'swinv2_360x360', 'main_experiment'],
		});
		const labels = (await api.tree.getChildren()).map((node) => (node.kind === 'group' ? node.label : ''));
		assert.equal(labels.at(-1), 'Untagged');
	});

	it('groups by day of creation, today first', async () => {
		assert.equal(await run('groupBy', 'day'), true);
		const groups = await groupedRunNames(api);
		const labels = Object.keys(groups);
		assert.equal(labels.length, 6);
		assert.deepEqual(labels.slice(0, 2), ['Today', 'Yesterday']);
		assert.deepEqual(groups.Today, [rerunName, 'focal_loss_experiment']);
		assert.deepEqual(groups.Yesterday, ['torn_save_experiment', 'created_only_experiment', 'swinv2_360x360']);
		assert.deepEqual(Object.values(groups).flat(), allRunsNewestFirst);
	});

	it('shows one flat list without grouping, sorted as asked', async () => {
		assert.equal(await run('groupBy', 'none'), true);
		const roots = await api.tree.getChildren();
		assert.ok(roots.every((node) => node.kind === 'run'));
		assert.deepEqual(await groupedRunNames(api), { '': allRunsNewestFirst });
		assert.equal(await run('sortBy', 'oldest'), true);
		assert.deepEqual(await groupedRunNames(api), { '': [...allRunsNewestFirst].reverse() });
		assert.equal(await run('sortBy', 'name'), true);
		assert.deepEqual(await groupedRunNames(api), { '': [...allRunsNewestFirst].sort() });
	});

	it('sorts by the best headline metric within each group', async () => {
		assert.equal(await run('sortBy', 'metric'), true);
		const { Completed } = await groupedRunNames(api);
		// val_iou, higher is better: 0.728, 0.659, 0.633, 0.577.
		assert.deepEqual(Completed, ['swinv2_hybrid', 'swinv2_export', 'unet_baseline', 'swinv2_360x360']);
	});

	it('asks, rather than apply, when given something that is not a grouping or sort key', async () => {
		// From the view toolbar VS Code passes the selected tree row: the command then shows its picker.
		const row = await api.tree.getChildren().then((roots) => roots[0]);
		for (const command of ['groupBy', 'sortBy']) {
			let settled = false;
			const result = run(command, row).then((value) => {
				settled = true;
				return value;
			});
			while (!settled) {
				await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			assert.equal(await result, false, `${command} changed nothing once its picker was dismissed`);
		}
		assert.deepEqual(api.tree.viewState, { groupBy: 'status', sortBy: 'newest', filter: '' });
	});

	it('re-reads the runs from disk on refresh', async () => {
		const workspace = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
		const outputs = path.join(workspace, 'outputs');
		try {
			const created = await createRun({ root: outputs, workspace, name: 'refreshed_run', environment: emptyEnvironment });
			await run('refresh');
			assert.equal(api.service.get(created.dir)?.name, 'refreshed_run');
			await rm(outputs, { recursive: true, force: true });
			await run('refresh');
			assert.equal(api.service.get(created.dir), undefined);
		} finally {
			await rm(outputs, { recursive: true, force: true });
		}
	});
});
