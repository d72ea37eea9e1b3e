import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { trackerKeys } from '../../../src/core/format/trackerSchema';
import type { ExperimentTrackerApi } from '../../../src/extension/extension';
import { editRuns } from '../fixtures';
import { loadedApi, readTracker, runNamed, runNode, waitFor } from '../hostHelpers';

describe('tag, describe and mark commands, called with arguments', () => {
	let api: ExperimentTrackerApi;
	const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<boolean>(`experimentTracker.${command}`, ...args);

	before(async () => {
		api = await loadedApi();
	});

	/** The tracker file before and after `edit`, which must report that it recorded something. */
	async function trackerAround(dir: string, edit: () => Thenable<boolean>): Promise<[Record<string, unknown>, Record<string, unknown>]> {
		const before = await readTracker(dir);
		assert.equal(await edit(), true, 'the command recorded the edit');
		const after = await readTracker(dir);
		assert.deepEqual(Object.keys(after), [...trackerKeys], 'the file keeps exactly the 32 keys, in order');
		return [before, after];
	}

	it('adds tags to the tracker file, each once, and bumps updated_at', async () => {
		const { dir } = runNamed(api, editRuns.tagged.name);
		const [before, after] = await trackerAround(dir, () => run('addTags', dir, ['fresh', 'keep']));
		assert.deepEqual(after.tags, [...(before.tags as string[]), 'fresh']);
		assert.ok(String(after.updated_at) > String(before.updated_at), `${String(after.updated_at)} is later than ${String(before.updated_at)}`);
		assert.ok(api.service.get(dir)?.tags.includes('fresh'), 'the index holds the new tag');
	});

	it('removes tags given a tree node', async () => {
		const { dir } = runNamed(api, editRuns.tagged.name);
		const node = await runNode(api, editRuns.tagged.name);
		const [before, after] = await trackerAround(dir, () => run('removeTags', node, ['drop']));
		assert.deepEqual(after.tags, (before.tags as string[]).filter((tag) => tag !== 'drop'));
		assert.ok(String(after.updated_at) > String(before.updated_at));
	});

	it('edits the description', async () => {
		const summary = runNamed(api, editRuns.described.name);
		const [before, after] = await trackerAround(summary.dir, () => run('editDescription', summary, 'U-Net at lr=3e-4, second try\nwith "quotes" and ünïcödé'));
		assert.equal(after.description, 'U-Net at lr=3e-4, second try\nwith "quotes" and ünïcödé');
		assert.ok(String(after.updated_at) > String(before.updated_at));
		assert.equal(api.service.get(summary.dir)?.description, after.description);
	});

	it('leaves the file untouched when the description does not change', async () => {
		const { dir } = runNamed(api, editRuns.described.name);
		const file = path.join(dir, 'experiment_tracker.json');
		const before = await readFile(file, 'utf8');
		assert.equal(await run('editDescription', { dir }, api.service.get(dir)!.description), false);
		assert.equal(await readFile(file, 'utf8'), before);
	});

	it('marks a run completed', async () => {
		const { dir } = runNamed(api, editRuns.toComplete.name);
		const [before, after] = await trackerAround(dir, () => run('markCompleted', dir));
		assert.equal(after.status, 'completed');
		assert.match(String(after.completed_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
		assert.equal(after.description, before.description);
		await waitFor(async () => api.tree.getTreeItem(await runNode(api, editRuns.toComplete.name)).iconPath, (icon) => icon instanceof vscode.ThemeIcon && icon.id === 'pass', 'the tree to show it completed');
	});

	it('marks a run failed, appending the reason to its description', async () => {
		const { dir } = runNamed(api, editRuns.toFail.name);
		const [before, after] = await trackerAround(dir, () => run('markFailed', dir, 'loss went NaN at epoch 3'));
		assert.equal(after.status, 'failed');
		assert.equal(after.description, `${String(before.description)}\nError: loss went NaN at epoch 3`);
		assert.notEqual(after.completed_at, '');
	});

	it('marks a run aborted', async () => {
		const { dir } = runNamed(api, editRuns.toAbort.name);
		const [before, after] = await trackerAround(dir, () => run('markAborted', { dir }));
		assert.equal(after.status, 'aborted');
		assert.equal(after.description, before.description);
		assert.equal(api.service.get(dir)?.status, 'aborted');
	});

	it('edits nothing for a folder that holds no run', async () => {
		for (const command of ['addTags', 'removeTags', 'editDescription', 'markCompleted', 'markFailed', 'markAborted']) {
			assert.equal(await run(command, '/no/such/run', command.endsWith('Tags') ? ['x'] : 'x'), false, command);
		}
	});
});
