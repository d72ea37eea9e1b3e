import * as assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { trackerKeys } from '../../../src/core/format/trackerSchema';
import type { CreatedRun } from '../../../src/core/tracker/createRun';
import { isLiveRun, runVisualState } from '../../../src/core/view/visualState';
import { loadedApi, readTracker, runNode, waitFor } from '../hostHelpers';

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

describe('Create Experiment, called with a request', () => {
	const workspace = () => vscode.workspace.workspaceFolders![0]!.uri.fsPath;
	const experiments = () => path.join(workspace(), 'artifacts', 'experiments');

	it('creates the run folder, info file, a 32-key tracker file and a registry entry, and lists it', async () => {
		const api = await loadedApi();
		const configFile = path.join(workspace(), 'train_config.json');
		const config = { experiment: { name: 'created_by_command' }, training: { epochs: 3, learning_rate: 0.001 }, model: { architecture: 'unet' } };
		await writeFile(configFile, JSON.stringify(config, null, 2));
		const created = await vscode.commands.executeCommand<CreatedRun>('experimentTracker.createExperiment', {
			name: 'created_by_command', description: 'made by a host test', tags: ['host', 'test'], configFile, workspace: workspace(),
		});
		assert.ok(created, 'the command returned the new run');
		assert.equal(path.dirname(created.dir), experiments());
		assert.match(path.basename(created.dir), /^\d{8}-\d{6}-created_by_command$/);
		assert.equal(created.id, path.basename(created.dir));

		const info = await readJson(path.join(created.dir, 'experiment_info.json')) as Record<string, unknown>;
		assert.deepEqual([info.id, info.name, info.status], [created.id, 'created_by_command', 'created']);

		const tracker = await readTracker(created.dir);
		assert.deepEqual(Object.keys(tracker), [...trackerKeys]);
		assert.deepEqual([tracker.experiment_id, tracker.experiment_name, tracker.status, tracker.description, tracker.tags],
			[created.id, 'created_by_command', 'created', 'made by a host test', ['host', 'test']]);
		assert.match(String(tracker.config_hash), /^[0-9a-f]{64}$/);

		assert.deepEqual(await readJson(path.join(created.dir, 'config.json')), config);
		for (const folder of ['checkpoints', 'metrics', 'logs', 'results/visualizations']) {
			await readdir(path.join(created.dir, folder));
		}

		const registry = await readJson(path.join(workspace(), 'artifacts', 'experiment_registry.json')) as Array<Record<string, unknown>>;
		const entry = registry.find((candidate) => candidate.id === created.id);
		assert.deepEqual(entry && [entry.name, entry.path], ['created_by_command', `artifacts/experiments/${created.id}`]);

		assert.equal(api.service.get(created.dir)?.status, 'created', 'indexed by the time the command returns');
		// The tree redraws a moment after the index changes.
		const groupOf = async () => {
			const node = await runNode(api, 'created_by_command').catch(() => undefined);
			return node?.kind === 'run' && node.parent?.kind === 'group' ? node.parent.label : undefined;
		};
		await waitFor(groupOf, (label) => label === 'Created', 'the tree to list the run under Created');
	});

	it('never shows the run it is creating as running', async () => {
		// A run folder holding only experiment_info.json and fresh files is inferred running: Create
		// Experiment must not leave one behind while it reads the Python environment and git.
		const api = await loadedApi();
		const states: string[] = [];
		const listener = api.service.onDidChange((event) => {
			if ((event.type === 'added' || event.type === 'changed') && event.run.name === 'created_quietly') {
				states.push(`${runVisualState(event.run)}${isLiveRun(event.run) ? ' (live)' : ''}`);
			}
		});
		try {
			const created = await vscode.commands.executeCommand<CreatedRun>('experimentTracker.createExperiment', { name: 'created_quietly', workspace: workspace() });
			assert.equal(api.service.get(created.dir)?.status, 'created');
		} finally {
			listener.dispose();
		}
		assert.deepEqual(states.filter((state) => state !== 'created'), [], `states the index reported: ${states.join(', ')}`);
	});

	it('creates nothing for a name that cannot be a folder name', async () => {
		const before = await readdir(experiments());
		const created = await vscode.commands.executeCommand('experimentTracker.createExperiment', { name: 'bad/name', workspace: workspace() });
		assert.equal(created, undefined);
		assert.deepEqual(await readdir(experiments()), before);
	});
});
