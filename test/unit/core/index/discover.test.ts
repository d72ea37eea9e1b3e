import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanRuns } from '../../../../src/core/runs/scanRuns';
import { writeEpochs, writeInfo, writeTracker } from './fixtures';

describe('discovering runs in every layout', () => {
	let ws: string;

	beforeEach(async () => {
		ws = await mkdtemp(path.join(os.tmpdir(), 'exptrack-discover-'));
	});

	afterEach(async () => {
		await rm(ws, { recursive: true, force: true });
	});

	it('finds tracker, info-only, metrics-only, ArtifactManager and shared-metrics runs, and skips the rest', async () => {
		const experiments = path.join(ws, 'artifacts', 'experiments');
		await writeTracker(path.join(experiments, '20261201-100000-tracked'), '20261201-100000-tracked', { status: 'completed' });
		await writeInfo(path.join(experiments, '20261201-110000-info_only'), '20261201-110000-info_only');
		await writeEpochs(path.join(experiments, '20261201-120000-metrics_only'), 3);
		await writeTracker(path.join(ws, 'artifacts', 'experiment_20261201_130000'), 'artifact_run');
		await writeEpochs(experiments, 2);
		await mkdir(path.join(experiments, 'empty_folder'), { recursive: true });
		await mkdir(path.join(experiments, 'configurations', 'x'), { recursive: true });
		await mkdir(path.join(ws, 'artifacts', 'shared'), { recursive: true });
		const { runs } = await scanRuns([{ root: path.join(ws, 'artifacts'), workspace: ws }], { staleMinutes: 10 });
		const byLayout = Object.fromEntries(runs.map((run) => [run.name, run.layout]));
		assert.deepEqual(byLayout, {
			tracked: 'experiment',
			info_only: 'experiment',
			metrics_only: 'experiment',
			artifact_run: 'artifactManager',
			'Shared Trainer metrics': 'sharedMetrics',
		});
	});

	it('lists a run once when the registry names it twice, and finds a registered run outside experiments/', async () => {
		const root = path.join(ws, 'artifacts');
		const inside = path.join(root, 'experiments', '20261201-100000-dup');
		const elsewhere = path.join(ws, 'src', 'crackseg', 'artifacts', 'experiments', '20261201-110000-mainpy');
		await writeInfo(inside, '20261201-100000-dup');
		await writeInfo(elsewhere, '20261201-110000-mainpy', 'completed');
		const entry = (id: string, where: string) => ({ id, name: id.slice(16), timestamp: id.slice(0, 15), path: where, created_at: '2026-12-01T10:00:00' });
		await writeFile(path.join(root, 'experiment_registry.json'), JSON.stringify([
			entry('20261201-100000-dup', 'artifacts\\experiments\\20261201-100000-dup'),
			entry('20261201-100000-dup', 'artifacts/experiments/20261201-100000-dup'),
			entry('20261201-110000-mainpy', 'src/crackseg/artifacts/experiments/20261201-110000-mainpy'),
		], null, 2));
		const { runs } = await scanRuns([{ root, workspace: ws }], { staleMinutes: 10 });
		assert.deepEqual(runs.map((run) => run.id).sort(), ['20261201-100000-dup', '20261201-110000-mainpy']);
	});

	it('covers every root of every workspace folder, keeping same-named runs apart', async () => {
		const second = await mkdtemp(path.join(os.tmpdir(), 'exptrack-discover-b-'));
		try {
			await writeTracker(path.join(ws, 'artifacts', 'experiments', '20261201-100000-same'), '20261201-100000-same');
			await writeTracker(path.join(ws, 'outputs', 'experiments', '20261101-100000-legacy'), '20261101-100000-legacy');
			await writeTracker(path.join(second, 'artifacts', 'experiments', '20261201-100000-same'), '20261201-100000-same');
			const roots = [ws, second].flatMap((folder) => ['artifacts', 'outputs'].map((name) => ({ root: path.join(folder, name), workspace: folder })));
			const { runs } = await scanRuns(roots, { staleMinutes: 10 });
			assert.equal(runs.length, 3);
			assert.equal(new Set(runs.map((run) => run.dir)).size, 3);
			assert.deepEqual(runs.filter((run) => run.id === '20261201-100000-same').map((run) => run.workspace).sort(), [ws, second].sort());
		} finally {
			await rm(second, { recursive: true, force: true });
		}
	});

	it('reports an unreadable registry on the root without hiding the runs', async () => {
		const root = path.join(ws, 'artifacts');
		await writeTracker(path.join(root, 'experiments', '20261201-100000-ok'), '20261201-100000-ok');
		await writeFile(path.join(root, 'experiment_registry.json'), '[{"id": "x", ');
		const { runs, problems } = await scanRuns([{ root, workspace: ws }], { staleMinutes: 10 });
		assert.equal(runs.length, 1);
		assert.equal(problems.length, 1);
		assert.match(problems[0]!.message, /truncated|Unexpected end/);
	});
});
