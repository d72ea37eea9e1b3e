import * as assert from 'node:assert/strict';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { assertCliBuilt, cliOk, isoMicros, makeWorkspace, readTracker, removeWorkspace, runCli } from './runCli';
import { specTrackerKeys } from '../specTrackerKeys';

/** Spec §2.2 test vector 1, in its insertion order. */
const vector1 = {
	training: { epochs: 100, batch_size: 16, learning_rate: 0.001, optimizer: { _target_: 'torch.optim.Adam' }, loss: { _target_: 'src.training.losses.BCEDiceLoss' } },
	model: { _target_: 'src.model.UNet', encoder: { _target_: 'src.model.encoders.ResNetEncoder' }, decoder: { _target_: 'src.model.decoders.UNetDecoder' } },
	data: { dataset: 'crack_dataset', root_dir: 'data/' },
};
const vector1Hash = '18e1e80010e692b825a72c4933928735a3ef14d7b7514e2d8516b1cc025bd9a4';

async function readJson(file: string): Promise<unknown> {
	return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

describe('exptrack create, config-hash and verify (child process)', function () {
	this.timeout(60_000);
	let workspace: string;
	let configFile: string;

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		configFile = path.join(workspace, 'vector1.json');
		await writeFile(configFile, JSON.stringify(vector1, null, 2));
	});

	after(async () => {
		await removeWorkspace(workspace);
	});

	it('config-hash prints the spec §2.2 test vector 1 hash', async () => {
		assert.equal(await cliOk(['config-hash', 'vector1.json'], workspace), `${vector1Hash}\n`);
	});

	it('creates a run laid out as ExperimentManager does and prints only its id', async () => {
		const stdout = await cliOk(['create', 'plain_run', '--description', 'first try', '--tag', 'a', '--tag', 'b'], workspace);
		const id = stdout.trim();
		assert.match(stdout, /^\d{8}-\d{6}-plain_run\n$/);
		const dir = path.join(workspace, 'artifacts', 'experiments', id);
		for (const sub of ['checkpoints', 'metrics', 'logs', 'results/visualizations', 'results/predictions/validation', 'results/predictions/test']) {
			assert.ok((await stat(path.join(dir, sub))).isDirectory(), `${sub} missing`);
		}
		assert.ok((await stat(path.join(workspace, 'artifacts', 'shared'))).isDirectory());
		const info = await readJson(path.join(dir, 'experiment_info.json')) as Record<string, unknown>;
		assert.deepEqual(Object.keys(info), ['id', 'name', 'timestamp', 'created_at', 'status']);
		assert.deepEqual({ id: info.id, name: info.name, timestamp: info.timestamp, status: info.status }, { id, name: 'plain_run', timestamp: id.slice(0, 15), status: 'created' });
		assert.match(String(info.created_at), isoMicros);
		const tracker = await readTracker(dir);
		assert.deepEqual(Object.keys(tracker), specTrackerKeys);
		assert.equal(tracker.experiment_id, id);
		assert.equal(tracker.experiment_name, 'plain_run');
		assert.equal(tracker.status, 'created');
		assert.equal(tracker.description, 'first try');
		assert.deepEqual(tracker.tags, ['a', 'b']);
		assert.equal(tracker.config_hash, '');
		assert.deepEqual(tracker.config_summary, {});
		await assert.rejects(stat(path.join(dir, 'config.json')), /ENOENT/);
		const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
		assert.match(text, /"training_time_seconds": 0\.0,/);
		assert.ok(!text.endsWith('\n') && !text.startsWith('\uFEFF'));
	});

	it('appends one registry entry per created run, with the path relative to the workspace', async () => {
		const id = (await cliOk(['create', 'second_run'], workspace)).trim();
		const registry = await readJson(path.join(workspace, 'artifacts', 'experiment_registry.json')) as Record<string, unknown>[];
		const entry = registry.find((item) => item.id === id);
		assert.ok(entry, 'no registry entry for the new run');
		assert.deepEqual(Object.keys(entry), ['id', 'name', 'timestamp', 'path', 'created_at']);
		assert.equal(entry.path, `artifacts/experiments/${id}`);
		assert.equal(entry.name, 'second_run');
		assert.ok(registry.some((item) => item.name === 'plain_run'), 'the earlier entry was lost');
	});

	it('with --config: saves config.json, records config_hash and config_summary in a 32-key tracker', async () => {
		const id = (await cliOk(['create', 'with_config', '--config', 'vector1.json'], workspace)).trim();
		const dir = path.join(workspace, 'artifacts', 'experiments', id);
		assert.deepEqual(await readJson(path.join(dir, 'config.json')), vector1);
		const tracker = await readTracker(dir);
		assert.equal(Object.keys(tracker).length, 32);
		assert.deepEqual(Object.keys(tracker), specTrackerKeys);
		assert.equal(tracker.config_hash, vector1Hash);
		assert.deepEqual(tracker.config_summary, {
			epochs: 100, batch_size: 16, learning_rate: 0.001, optimizer: 'torch.optim.Adam', loss: 'src.training.losses.BCEDiceLoss',
			model_type: 'src.model.UNet', encoder: 'src.model.encoders.ResNetEncoder', decoder: 'src.model.decoders.UNetDecoder',
			dataset: 'crack_dataset', data_root: 'data/',
		});
		const info = await readJson(path.join(dir, 'experiment_info.json')) as Record<string, unknown>;
		assert.match(String(info.config), /^\{'training': \{'epochs': 100, 'batch_size': 16, 'learning_rate': 0\.001/);
	});

	it('with --root creates under that root and --json prints the created run', async () => {
		const created = JSON.parse(await cliOk(['create', 'rooted', '--root', 'elsewhere', '--json'], workspace)) as { id: string; dir: string };
		assert.equal(created.dir, path.join(workspace, 'elsewhere', 'experiments', created.id));
		assert.ok((await stat(path.join(created.dir, 'experiment_tracker.json'))).isFile());
	});

	it('refuses a name that cannot be a folder name: exit 1, one line on stderr', async () => {
		const result = await runCli(['create', 'a/b'], workspace);
		assert.equal(result.code, 1);
		assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
		assert.match(result.stderr, /cannot contain/);
	});

	describe('verify', () => {
		let id: string;
		let dir: string;

		before(async () => {
			id = (await cliOk(['create', 'verified', '--config', 'vector1.json'], workspace)).trim();
			dir = path.join(workspace, 'artifacts', 'experiments', id);
		});

		it('exits 0 when config.json hashes to the recorded config_hash', async () => {
			const result = await runCli(['verify', id], workspace);
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, /✓ config/);
		});

		it('lists a recorded checkpoint that does not exist and exits 1', async () => {
			await mkdir(path.join(dir, 'checkpoints'), { recursive: true });
			await writeFile(path.join(dir, 'checkpoints', 'present.pth'), 'x');
			await cliOk(['artifact', id, '--type', 'checkpoint', '--path', `artifacts/experiments/${id}/checkpoints/present.pth`], workspace);
			assert.equal((await runCli(['verify', id], workspace)).code, 0, 'an existing checkpoint must verify');
			await cliOk(['artifact', id, '--type', 'checkpoint', '--path', `artifacts/experiments/${id}/checkpoints/missing.pth`], workspace);
			const result = await runCli(['verify', id, '--json'], workspace);
			assert.equal(result.code, 1);
			const report = JSON.parse(result.stdout) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
			assert.equal(report.ok, false);
			const artifacts = report.checks.find((check) => check.name === 'artifacts');
			assert.ok(artifacts && !artifacts.ok);
			assert.match(artifacts.detail, /missing\.pth/);
			assert.doesNotMatch(artifacts.detail, /present\.pth/);
			assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
		});

		it('exits 1 once config.json was edited after the run', async () => {
			const edited = { ...vector1, training: { ...vector1.training, epochs: 101 } };
			await writeFile(path.join(dir, 'config.json'), JSON.stringify(edited, null, 2));
			const result = await runCli(['verify', id], workspace);
			assert.equal(result.code, 1);
			assert.match(result.stdout, /✗ config/);
			assert.match(result.stderr, /config/);
			assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
		});
	});
});
