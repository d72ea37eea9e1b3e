import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoWorkspace, type DemoRunKind } from '../../../../src/core/demo/demoWorkspace';
import { isJsonObject } from '../../../../src/core/json/jsonValue';
import { toPlain } from '../../../../src/core/json/plain';
import { parseRunIdTime } from '../../../../src/core/tracker/timestamps';
import { type DemoFixture, fixedNow, makeDemo, readJson } from './demoFixture';

describe('demo workspace layout', () => {
	let fixture: DemoFixture;
	before(async () => {
		fixture = await makeDemo();
	});
	after(() => fixture.dispose());

	it('holds one run of every kind, the two completed ones named unet_baseline and swinv2_hybrid', () => {
		const kinds = fixture.demo.runs.map((run) => run.kind).sort();
		const expected: DemoRunKind[] = ['aborted', 'artifactManager', 'completed', 'completed', 'corruptTracker', 'crashedMain', 'createdOnly', 'failed', 'running', 'trainerOnly'];
		assert.deepEqual(kinds, expected);
		assert.deepEqual(fixture.demo.runs.filter((run) => run.kind === 'completed').map((run) => run.name).sort(), ['swinv2_hybrid', 'unet_baseline']);
	});

	it('names runs as CrackSeg does and puts them where its writers do', async () => {
		const { root } = fixture.demo;
		for (const run of fixture.demo.runs) {
			assert.ok((await stat(run.dir)).isDirectory(), run.dir);
			if (run.kind === 'artifactManager') {
				assert.match(run.id, /^experiment_\d{8}_\d{6}$/);
				assert.equal(run.dir, path.join(root, run.id));
			} else {
				assert.match(run.id, /^\d{8}-\d{6}-.+$/);
				assert.equal(run.id.slice(16), run.name);
				assert.equal(run.dir, path.join(root, 'experiments', run.id));
			}
		}
		assert.ok((await stat(path.join(root, 'shared'))).isDirectory());
	});

	it('spreads the runs over several past days, oldest first, with the live run last', () => {
		const times = fixture.demo.runs.map((run) => parseRunIdTime(run.id)!);
		assert.ok(times.every((time) => time < fixedNow.getTime()), 'no run is in the future');
		assert.deepEqual(times, [...times].sort((a, b) => a - b));
		const days = new Set(times.map((time) => new Date(time).toDateString()));
		assert.ok(days.size >= 4, `runs on ${days.size} days`);
		assert.equal(fixture.demo.liveRunDir, fixture.demo.runs.at(-1)!.dir);
		assert.equal(fixture.demo.runs.at(-1)!.name, 'focal_loss_experiment');
	});

	it('registers every ExperimentManager run, one of them twice, with paths relative to the workspace', async () => {
		const registry = toPlain(await readJson(path.join(fixture.demo.root, 'experiment_registry.json'))) as Array<Record<string, unknown>>;
		const managerRuns = fixture.demo.runs.filter((run) => run.kind !== 'artifactManager');
		assert.deepEqual([...new Set(registry.map((entry) => entry.id))].sort(), managerRuns.map((run) => run.id).sort());
		assert.equal(registry.length, managerRuns.length + 1);
		const twice = registry.filter((entry) => registry.filter((other) => other.id === entry.id).length === 2);
		assert.deepEqual(twice.map((entry) => entry.id), [fixture.demo.runs.find((run) => run.kind === 'crashedMain')!.id, fixture.demo.runs.find((run) => run.kind === 'crashedMain')!.id]);
		for (const entry of registry) {
			assert.deepEqual(Object.keys(entry), ['id', 'name', 'timestamp', 'path', 'created_at']);
			assert.equal(entry.path, `artifacts/experiments/${String(entry.id)}`);
			assert.equal(entry.timestamp, String(entry.id).slice(0, 15));
			assert.match(String(entry.created_at), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
		}
	});

	it('writes experiment_info.json for every ExperimentManager run, its config as a Python repr', async () => {
		for (const run of fixture.demo.runs.filter((candidate) => candidate.kind !== 'artifactManager')) {
			const info = await readJson(path.join(run.dir, 'experiment_info.json'));
			assert.ok(isJsonObject(info));
			assert.deepEqual([...info.keys()].slice(0, 6), ['id', 'name', 'timestamp', 'created_at', 'status', 'config'], run.id);
			assert.equal(info.get('id'), run.id);
			assert.match(String(info.get('config')), /^\{'training': \{'epochs': \d+, .*'require_cuda': False\}$/);
		}
	});

	it('leaves only files of the kinds CrackSeg writes (no lock folders, no temp files)', async () => {
		const top = (await readdir(fixture.demo.root)).sort();
		const artifactFolder = fixture.demo.runs.find((run) => run.kind === 'artifactManager')!.id;
		assert.deepEqual(top, [artifactFolder, 'experiment_registry.json', 'experiments', 'main_experiment.log', 'shared'].sort());
	});
});

describe('createDemoWorkspace', () => {
	let workspace: string;
	beforeEach(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-demo-'));
	});
	afterEach(() => rm(workspace, { recursive: true, force: true }));

	it('recreates artifacts/ from scratch and leaves the rest of the folder alone', async () => {
		await mkdir(path.join(workspace, 'artifacts', 'experiments', 'old-run'), { recursive: true });
		await writeFile(path.join(workspace, 'artifacts', 'stale.json'), '{}');
		await writeFile(path.join(workspace, 'train.py'), 'print("hi")\n');
		const first = await createDemoWorkspace(workspace, { now: fixedNow });
		const second = await createDemoWorkspace(workspace, { now: fixedNow });
		assert.deepEqual(second.runs.map((run) => run.id), first.runs.map((run) => run.id));
		const experiments = (await readdir(path.join(workspace, 'artifacts', 'experiments'))).sort();
		assert.deepEqual(experiments, second.runs.filter((run) => run.kind !== 'artifactManager').map((run) => run.id).sort());
		await assert.rejects(stat(path.join(workspace, 'artifacts', 'stale.json')));
		assert.equal(await readFile(path.join(workspace, 'train.py'), 'utf8'), 'print("hi")\n');
		const registry = toPlain(await readJson(path.join(workspace, 'artifacts', 'experiment_registry.json'))) as unknown[];
		assert.equal(registry.length, second.runs.filter((run) => run.kind !== 'artifactManager').length + 1, 'the registry starts over rather than growing');
	});

	it('gives the live run the requested number of epochs, two of them done', async () => {
		const demo = await createDemoWorkspace(workspace, { now: fixedNow, liveTotalEpochs: 300 });
		const tracker = await readJson(path.join(demo.liveRunDir, 'experiment_tracker.json'));
		assert.ok(isJsonObject(tracker));
		assert.deepEqual([tracker.get('status'), String(toPlain(tracker.get('total_epochs')!)), String(toPlain(tracker.get('current_epoch')!))], ['running', '300', '2']);
	});
});
