import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoWorkspace } from '../../../../src/core/demo/demoWorkspace';
import { readRunDetails } from '../../../../src/core/runs/runDetails';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { scanRuns } from '../../../../src/core/runs/scanRuns';
import { chartTitle } from '../../../../src/core/view/panelCharts';
import { panelModel } from '../../../../src/core/view/panelModel';
import type { PanelData } from '../../../../src/shared/panelData';

describe('detail panel model (from real run folders)', function () {
	this.timeout(30_000);
	let workspace: string;
	let runs: Record<string, RunSummary>;
	const model = async (name: string, readOnly = false): Promise<PanelData> => panelModel(await readRunDetails(runs[name]!), { nowMs: Date.now(), readOnly });

	before(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-panel-'));
		await createDemoWorkspace(workspace);
		const scanned = await scanRuns([{ root: path.join(workspace, 'artifacts'), workspace }], { staleMinutes: 10 });
		runs = Object.fromEntries(scanned.runs.map((run) => [run.name, run]));
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	it('shows a completed run: header, progress, best metrics headline first, verified config', async () => {
		const data = await model('unet_baseline');
		assert.deepEqual([data.run.name, data.run.status, data.run.visualState], ['unet_baseline', 'completed', 'completed']);
		assert.deepEqual(data.run.tags, ['baseline', 'unet', 'bce_dice']);
		assert.deepEqual([data.progress.currentEpoch, data.progress.totalEpochs, data.progress.percent], [12, 12, 100]);
		assert.equal(data.metrics[0]?.name, 'val_iou', 'IoU is the headline');
		assert.equal(data.config.verification, 'match');
		assert.equal(data.config.file, 'config.json');
		assert.ok(data.config.summary.some((field) => field.label === 'optimizer'));
		assert.ok(data.environment.some((field) => field.label === 'PyTorch' && field.value.startsWith('2.7')));
		assert.equal(data.git.dirty, false);
	});

	it('draws one chart per metric family, train before val, loss first, NaN kept for gaps', async () => {
		const data = await model('high_lr_experiment');
		assert.equal(data.charts[0]?.id, 'loss');
		const loss = data.charts[0]!;
		assert.deepEqual(loss.series.map((series) => series.phase), ['train', 'val']);
		const values = data.charts.flatMap((chart) => chart.series.flatMap((series) => series.points.map(([, value]) => value)));
		assert.ok(values.some(Number.isNaN), 'the diverged epochs stay NaN (drawn as gaps)');
		assert.equal(data.run.visualState, 'failed');
		assert.ok(data.metrics.some((metric) => metric.name === 'val_iou' && Number.isNaN(metric.value) && metric.text === 'NaN'));
	});

	it('lists artifacts relative to the run folder, marks missing ones, and offers thumbnails only inside the run', async () => {
		const data = await model('unet_baseline');
		const checkpoints = data.artifacts.filter((artifact) => artifact.kind === 'checkpoint');
		assert.ok(checkpoints.length >= 2);
		assert.ok(checkpoints.every((artifact) => artifact.insideRun && !artifact.path.startsWith('/')));
		assert.ok(data.images.some((image) => image.path === 'results/visualizations/training_curves.png'));
		assert.ok(data.images.every((image) => !image.path.includes('..')));
	});

	it('shows ArtifactManager records with checksum state and versions', async () => {
		const data = await model('swinv2_export');
		assert.ok(data.managedArtifacts.length > 0);
		assert.ok(data.managedArtifacts.every((artifact) => artifact.checksumState === 'verified'), JSON.stringify(data.managedArtifacts.map((artifact) => artifact.checksumState)));
		assert.ok(data.managedArtifacts.some((artifact) => artifact.versions.length >= 2));
	});

	it('shows a corrupt run with its problem and an openable file, and a read-only panel in Restricted Mode', async () => {
		const data = await model('torn_save_experiment', true);
		assert.equal(data.run.visualState, 'problem');
		assert.ok(data.problems.some((problem) => problem.file === 'experiment_tracker.json' && problem.insideRun && /truncated/.test(problem.message)));
		assert.equal(data.readOnly, true);
	});

	it('titles charts for people', () => {
		assert.deepEqual(['loss', 'iou', 'learning_rate', 'val_dice_score'].map(chartTitle), ['Loss', 'IoU', 'Learning rate', 'Val dice score']);
	});
});
