import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ageFiles, assertCliBuilt, cliOk, completedFixture, listJson, type ListedRun, makeWorkspace, removeWorkspace, writeRun } from './runCli';

const baseline = '20261204-152927-unet_baseline';
const focal = '20261204-152928-focal_loss';
const diverged = '20261204-152929-high_lr';
const broken = '20261204-152930-broken';
const oldRoot = '20261203-101010-old_root';
const custom = '20261201-000000-custom';

function byId(runs: readonly ListedRun[], id: string): ListedRun {
	const run = runs.find((entry) => entry.id === id);
	assert.ok(run, `${id} is not listed; listed: ${runs.map((entry) => entry.id).join(', ')}`);
	return run;
}

describe('exptrack list and show (child process)', function () {
	this.timeout(60_000);
	let workspace: string;

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		const artifacts = path.join(workspace, 'artifacts');
		const baselineDir = path.join(artifacts, 'experiments', baseline);
		await writeRun(artifacts, baseline);
		// The §6.2 file verbatim, so the listed values are exactly the spec's.
		await writeFile(path.join(baselineDir, 'experiment_tracker.json'), await readFile(completedFixture));
		const focalDir = await writeRun(artifacts, focal, { status: 'running', current_epoch: 2, total_epochs: 10, tags: [], description: '', completed_at: '', created_at: '2026-12-04T15:29:28.571979' });
		await ageFiles(focalDir, 3600);
		await writeRun(artifacts, diverged, { status: 'failed', best_metrics: { val_loss: 0.66, val_iou: 'NaN!' }, tags: ['lr-sweep'], created_at: '2026-12-04T15:29:29.904400' });
		const brokenDir = await writeRun(artifacts, broken, { created_at: '2026-12-04T15:29:30.000000' });
		const text = await readFile(path.join(brokenDir, 'experiment_tracker.json'), 'utf8');
		await writeFile(path.join(brokenDir, 'experiment_tracker.json'), text.slice(0, 200));
		await writeRun(path.join(workspace, 'outputs'), oldRoot, { created_at: '2026-12-03T10:10:10.000000' });
		await writeRun(path.join(workspace, 'custom'), custom, { created_at: '2026-12-01T00:00:00.000000' });
	});

	after(async () => {
		await removeWorkspace(workspace);
	});

	it('lists the runs of ./artifacts and ./outputs by default, and nothing else', async () => {
		const runs = await listJson(workspace);
		assert.deepEqual(runs.map((run) => run.id).sort(), [baseline, focal, diverged, broken, oldRoot].sort());
	});

	it('prints every documented field of a run in --json', async () => {
		const run = byId(await listJson(workspace), baseline);
		assert.equal(run.name, 'unet_baseline');
		assert.equal(run.status, 'completed');
		assert.equal(run.inferredStatus, 'completed');
		assert.equal(run.dir, path.join(workspace, 'artifacts', 'experiments', baseline));
		assert.equal(run.currentEpoch, 3);
		assert.equal(run.totalEpochs, 3);
		assert.deepEqual(run.bestMetrics, { val_loss: 0.38, val_iou: 0.66 });
		assert.deepEqual(run.tags, ['baseline', 'unet', 'bce_dice']);
		assert.equal(run.description, 'U-Net baseline (CNN encoder) on unified crack dataset');
		assert.equal(run.stale, false);
		assert.deepEqual(run.problems, []);
	});

	it('writes strict RFC 8259 JSON: a NaN best metric becomes the string "NaN"', async () => {
		const stdout = await cliOk(['list', '--json'], workspace);
		assert.doesNotMatch(stdout, /:\s*-?(NaN|Infinity)\b/, 'bare NaN/Infinity token in --json output');
		const run = byId(JSON.parse(stdout) as ListedRun[], diverged);
		assert.deepEqual(run.bestMetrics, { val_loss: 0.66, val_iou: 'NaN' });
		assert.equal(run.status, 'failed');
	});

	it('flags a running run whose files stopped changing as stale', async () => {
		const run = byId(await listJson(workspace), focal);
		assert.equal(run.status, 'running');
		assert.equal(run.stale, true);
		assert.equal(run.inferredStatus, 'stale');
		assert.equal(run.currentEpoch, 2);
		assert.equal(run.totalEpochs, 10);
	});

	it('lists a run with a truncated tracker file with one corrupt problem', async () => {
		const run = byId(await listJson(workspace), broken);
		assert.equal(run.problems.length, 1, JSON.stringify(run.problems));
		assert.equal(run.problems[0]!.kind, 'corrupt');
		assert.equal(run.problems[0]!.file, path.join(workspace, 'artifacts', 'experiments', broken, 'experiment_tracker.json'));
		assert.match(run.problems[0]!.message, /JSON/);
	});

	it('reads only the roots given by --root, which repeats', async () => {
		assert.deepEqual((await listJson(workspace, ['--root', 'outputs'])).map((run) => run.id), [oldRoot]);
		assert.deepEqual((await listJson(workspace, ['--root', 'custom'])).map((run) => run.id), [custom]);
		const both = await listJson(workspace, ['--root', 'outputs', '--root', 'custom']);
		assert.deepEqual(both.map((run) => run.id).sort(), [custom, oldRoot]);
		const absolute = await listJson(workspace, ['--root', path.join(workspace, 'custom')]);
		assert.deepEqual(absolute.map((run) => run.id), [custom]);
	});

	it('prints a table, newest run first, with status, epochs, headline metric and problems', async () => {
		const lines = (await cliOk(['list'], workspace)).trimEnd().split('\n');
		assert.match(lines[0]!, /^ID\s+STATUS\s+EPOCH\s+BEST\s+TAGS/);
		const ids = lines.slice(1).map((line) => line.split(/\s+/)[0]);
		assert.deepEqual(ids, [broken, diverged, focal, baseline, oldRoot]);
		const row = (id: string) => lines.find((line) => line.startsWith(id))!;
		assert.match(row(baseline), /completed\s+3\/3\s+val_iou 0\.66\s+baseline,unet,bce_dice/);
		assert.match(row(focal), /running \(inferred: stale\)\s+2\/10/);
		assert.match(row(broken), /1 problem/);
	});

	it('shows one run in text: status, progress, description, tags, metrics, environment', async () => {
		const text = await cliOk(['show', baseline], workspace);
		assert.match(text, /^unet_baseline {2}\(20261204-152927-unet_baseline\)/);
		assert.match(text, /status\s+completed/);
		assert.match(text, /epoch\s+3\/3 \(100%\)/);
		assert.match(text, /description U-Net baseline/);
		assert.match(text, /tags\s+baseline, unet, bce_dice/);
		assert.match(text, /best\s+val_loss 0\.38, val_iou 0\.66/);
		assert.match(text, /PyTorch 2\.7\.1\+cu128/);
		assert.match(text, /checkpoint\s+artifacts\/experiments\/20261204-152927-unet_baseline\/checkpoints\/checkpoint_last\.pth\s+✗ missing/);
	});

	it('shows one run in --json, with the tracker fields and strict NaN', async () => {
		const shown = JSON.parse(await cliOk(['show', diverged, '--json'], workspace)) as ListedRun & { tracker: Record<string, unknown> };
		assert.equal(shown.id, diverged);
		assert.equal(shown.tracker.experiment_id, diverged);
		assert.deepEqual(shown.tracker.best_metrics, { val_loss: 0.66, val_iou: 'NaN' });
		assert.deepEqual(shown.problems, []);
	});

	it('shows the problem of a broken run in text', async () => {
		const text = await cliOk(['show', broken], workspace);
		assert.match(text, /problem\s+Not valid JSON.*experiment_tracker\.json/);
	});
});
