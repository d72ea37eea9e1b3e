import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { assertCliBuilt, cliOk, isoMicros, makeWorkspace, readTracker, removeWorkspace, writeRun } from './runCli';

/** Keys whose values differ between two versions of a tracker file. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	assert.deepEqual(Object.keys(after), Object.keys(before), 'the key set or order changed');
	return Object.keys(before).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

describe('exptrack lifecycle commands: exact field effects of spec §3 (child process)', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;
	let counter = 0;

	/** A fresh run in state `created` (description "desc", one best metric), and its tracker before the call. */
	async function freshRun(fields: Record<string, unknown> = {}): Promise<{ id: string; dir: string; before: Record<string, unknown> }> {
		counter += 1;
		const id = `20261204-1500${String(counter).padStart(2, '0')}-run${counter}`;
		const dir = await writeRun(root, id, {
			status: 'created', description: 'desc', tags: [], best_metrics: { val_loss: 0.5 }, training_time_seconds: 1.5,
			current_epoch: 0, total_epochs: 0, artifact_ids: [], started_at: '', completed_at: '', updated_at: '2026-12-04T15:00:00.000001',
			...fields,
		});
		return { id, dir, before: await readTracker(dir) };
	}

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		root = path.join(workspace, 'artifacts');
	});

	after(async () => {
		await removeWorkspace(workspace);
	});

	it('start: status running and started_at now, nothing else', async () => {
		const { id, dir, before } = await freshRun();
		await cliOk(['start', id], workspace);
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['status', 'started_at']);
		assert.equal(after.status, 'running');
		assert.match(String(after.started_at), isoMicros);
	});

	it('progress: sets both epochs, merges --metric into best_metrics, replaces the time', async () => {
		const { id, dir, before } = await freshRun();
		await cliOk(['progress', id, '--epoch', '4', '--total', '10', '--metric', 'val_iou=0.7', '--metric', 'val_dice=5', '--time', '99.5'], workspace);
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['total_epochs', 'current_epoch', 'best_metrics', 'training_time_seconds']);
		assert.equal(after.current_epoch, 4);
		assert.equal(after.total_epochs, 10);
		assert.deepEqual(after.best_metrics, { val_loss: 0.5, val_iou: 0.7, val_dice: 5 });
		assert.equal(after.training_time_seconds, 99.5);
		await cliOk(['progress', id, '--epoch', '5', '--total', '10', '--metric', 'val_iou=0.8'], workspace);
		const again = await readTracker(dir);
		assert.deepEqual(again.best_metrics, { val_loss: 0.5, val_iou: 0.8, val_dice: 5 }, 'a later value replaces only its own metric');
		assert.equal(again.training_time_seconds, 99.5, 'no --time leaves training_time_seconds alone');
	});

	it('progress: metric values are spelled as Python writes them (int, 5.0, 1e-05, NaN)', async () => {
		const { id, dir } = await freshRun();
		await cliOk(['progress', id, '--epoch', '1', '--total', '2', '--metric', 'i=3', '--metric', 'f=5.0', '--metric', 'e=1e-5', '--metric', 'n=nan', '--time', '12'], workspace);
		const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
		assert.match(text, /"best_metrics": \{\n {4}"val_loss": 0\.5,\n {4}"i": 3,\n {4}"f": 5\.0,\n {4}"e": 1e-05,\n {4}"n": NaN\n {2}\},/);
		assert.match(text, /"training_time_seconds": 12,/);
	});

	it('artifact: routes by type, dedupes ids and paths, and stores other types only as ids', async () => {
		const { id, dir, before } = await freshRun();
		const add = (...args: string[]) => cliOk(['artifact', id, ...args], workspace);
		await add('--type', 'checkpoint', '--path', 'ck/checkpoint_last.pth');
		await add('--type', 'checkpoint', '--path', 'ck/checkpoint_last.pth');
		await add('--type', 'metrics', '--path', 'metrics/complete_summary.json');
		await add('--type', 'visualization', '--path', 'results/curves.png', '--id', 'training_curves');
		await add('--type', 'model', '--path', 'models/best_model.pth');
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['artifact_ids', 'checkpoint_paths', 'metric_files', 'visualization_files']);
		assert.deepEqual(after.artifact_ids, ['checkpoint_last', 'complete_summary', 'training_curves', 'best_model']);
		assert.deepEqual(after.checkpoint_paths, ['ck/checkpoint_last.pth']);
		assert.deepEqual(after.metric_files, ['metrics/complete_summary.json']);
		assert.deepEqual(after.visualization_files, ['results/curves.png']);
	});

	it('complete: status completed and completed_at now, nothing else', async () => {
		const { id, dir, before } = await freshRun({ status: 'running', started_at: '2026-12-04T15:00:01.000000' });
		await cliOk(['complete', id], workspace);
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['status', 'completed_at']);
		assert.equal(after.status, 'completed');
		assert.match(String(after.completed_at), isoMicros);
	});

	it('fail --reason: appends "\\nError: <reason>" to the description, every time', async () => {
		const { id, dir, before } = await freshRun({ status: 'running' });
		await cliOk(['fail', id, '--reason', 'CUDA out of memory'], workspace);
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['status', 'description', 'completed_at']);
		assert.equal(after.status, 'failed');
		assert.equal(after.description, 'desc\nError: CUDA out of memory');
		assert.match(String(after.completed_at), isoMicros);
		await cliOk(['fail', id, '--reason', 'again'], workspace);
		assert.equal((await readTracker(dir)).description, 'desc\nError: CUDA out of memory\nError: again');
	});

	it('fail: the leading newline is kept on an empty description; no reason leaves it alone', async () => {
		const empty = await freshRun({ description: '' });
		await cliOk(['fail', empty.id, '--reason', 'boom'], workspace);
		assert.equal((await readTracker(empty.dir)).description, '\nError: boom');
		const quiet = await freshRun();
		await cliOk(['fail', quiet.id], workspace);
		assert.deepEqual(changedKeys(quiet.before, await readTracker(quiet.dir)), ['status', 'completed_at']);
	});

	it('abort: status aborted and completed_at now, nothing else', async () => {
		const { id, dir, before } = await freshRun({ status: 'running' });
		await cliOk(['abort', id], workspace);
		const after = await readTracker(dir);
		assert.deepEqual(changedKeys(before, after), ['status', 'completed_at']);
		assert.equal(after.status, 'aborted');
	});

	it('keeps the file in Python\'s layout: no trailing newline, no BOM, NaN stays a bare token', async () => {
		const { id, dir } = await freshRun({ best_metrics: { val_loss: 0.66, val_iou: 'NaN!' } });
		await cliOk(['start', id], workspace);
		const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
		assert.ok(!text.endsWith('\n'), 'trailing newline');
		assert.ok(!text.startsWith('\uFEFF'), 'BOM');
		assert.match(text, /"val_iou": NaN\n/);
	});
});
