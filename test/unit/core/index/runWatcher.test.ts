import * as assert from 'node:assert/strict';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PathTarget } from '../../../../src/core/index/pathClassifier';
import { RunWatcher } from '../../../../src/core/index/runWatcher';
import { writeEpochs, writeTracker } from './fixtures';
import { pollUntil } from '../../../shared/poll';

/** Waits until `condition` holds (polled every 20 ms). */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	await pollUntil(condition, (held) => held, what, timeoutMs, 20);
}

describe('the run watcher with OS events: folder watches, not file watches', function () {
	this.timeout(60_000);
	let ws: string;
	let watcher: RunWatcher;
	let seen: string[];
	const root = () => path.join(ws, 'artifacts');
	const runDir = (name: string) => path.join(root(), 'experiments', `20261201-100000-${name}`);
	const runsSeen = () => seen.filter((entry) => !entry.startsWith('root:'));

	beforeEach(async () => {
		ws = await mkdtemp(path.join(os.tmpdir(), 'exptrack-watcher-'));
		await writeTracker(runDir('training'), '20261201-100000-training', { status: 'running' });
		await writeEpochs(runDir('training'), 2);
		await writeTracker(runDir('created'), '20261201-100000-created', { status: 'created' });
		await mkdir(path.join(runDir('created'), 'checkpoints'));
		seen = [];
		const record = (target: PathTarget) => seen.push(target.kind === 'run' ? path.basename(target.dir) : `${target.kind}:${target.kind === 'root' ? path.basename(target.root.root) : ''}`);
		watcher = new RunWatcher([{ root: root(), workspace: ws }], { polling: false }, { onPath: record, onWarning: (message) => seen.push(`warning:${message}`), onRestarted: () => undefined });
		await watcher.start();
	});

	afterEach(async () => {
		await watcher.close();
		await rm(ws, { recursive: true, force: true });
	});

	it('holds one watch per run folder and per metrics folder, and none per file', () => {
		assert.equal(watcher.isPolling, false);
		assert.equal(watcher.folderWatchCount, 3, 'training/, training/metrics/ and created/ (never checkpoints/ or a file)');
		assert.deepEqual(seen, ['root:artifacts'], 'one rescan of the root once ready, nothing for the initial scan');
	});

	it('reports a tracker rewrite and a metrics append of the run they belong to', async () => {
		seen = [];
		await writeTracker(runDir('created'), '20261201-100000-created', { status: 'running' });
		await until(() => runsSeen().includes('20261201-100000-created'), 'the rewrite');
		await appendFile(path.join(runDir('training'), 'metrics', 'validation_metrics.jsonl'), '{"epoch": 3, "phase": "val", "metrics": {"val_iou": 0.3}}\n');
		await until(() => runsSeen().includes('20261201-100000-training'), 'the append');
		await writeFile(path.join(runDir('created'), 'checkpoints', 'model.pth'), 'x');
		await writeFile(path.join(runDir('created'), 'notes.txt'), 'x');
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.deepEqual([...new Set(runsSeen())].sort(), ['20261201-100000-created', '20261201-100000-training'], 'checkpoints and other files are not reported');
	});

	it('watches a metrics folder made after start, and a run folder made after start', async () => {
		await writeEpochs(runDir('created'), 1);
		await until(() => watcher.folderWatchCount === 4, 'the new metrics folder\'s watch');
		seen = [];
		await appendFile(path.join(runDir('created'), 'metrics', 'validation_metrics.jsonl'), '{"epoch": 2, "phase": "val", "metrics": {"val_iou": 0.2}}\n');
		await until(() => runsSeen().includes('20261201-100000-created'), 'an append to the new metrics folder');
		await writeTracker(runDir('late'), '20261201-100000-late', { status: 'created' });
		await until(() => runsSeen().includes('20261201-100000-late') && watcher.folderWatchCount === 5, 'the late run and its watch');
		seen = [];
		await writeTracker(runDir('late'), '20261201-100000-late', { status: 'running' });
		await until(() => runsSeen().includes('20261201-100000-late'), 'a rewrite in the late run');
		await rm(runDir('late'), { recursive: true });
		await until(() => watcher.folderWatchCount === 4, 'the removed run\'s watch to go');
	});
});
