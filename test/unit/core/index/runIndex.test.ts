import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { RunIndex, type RunIndexEvent } from '../../../../src/core/index/runIndex';
import { JsonlFollower } from '../../../../src/core/metrics/jsonlFollower';
import { writeEpochs, writeTracker } from './fixtures';
import { pollUntil } from '../../../shared/poll';

function collect(index: RunIndex): RunIndexEvent[] {
	const events: RunIndexEvent[] = [];
	index.onDidChange((event) => events.push(event));
	return events;
}

/** Waits until `condition` holds (polled every 20 ms). */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	await pollUntil(condition, (held) => held, what, timeoutMs, 20);
}

describe('the live run index', function () {
	this.timeout(60_000);
	let ws: string;
	let index: RunIndex;
	const root = () => path.join(ws, 'artifacts');
	const runDir = (name: string) => path.join(root(), 'experiments', `20261201-100000-${name}`);

	beforeEach(async () => {
		ws = await mkdtemp(path.join(os.tmpdir(), 'exptrack-index-'));
		await writeTracker(runDir('busy'), '20261201-100000-busy', { status: 'created' });
		await writeTracker(runDir('idle'), '20261201-100000-idle', { status: 'completed', current: 5, total: 5 });
		index = new RunIndex({ roots: [{ root: root(), workspace: ws }, { root: path.join(ws, 'outputs'), workspace: ws }], staleMinutes: 10 });
		await index.load();
		await index.watch({ polling: false });
	});

	afterEach(async () => {
		index.dispose();
		await rm(ws, { recursive: true, force: true });
	});

	it('fires events for the run a child process is writing, and only for it', async () => {
		const events = collect(index);
		const writer = fork(path.join(__dirname, '../edits/pythonLikeWriter.js'), [path.join(runDir('busy'), 'experiment_tracker.json'), '30', '20'], { stdio: 'ignore' });
		await new Promise((resolve) => writer.on('exit', resolve));
		await until(() => index.all().some((run) => run.name === 'busy' && run.status === 'completed'), 'the final status');
		const names = new Set(events.map((event) => ('run' in event ? event.run.name : event.type)));
		assert.deepEqual([...names], ['busy']);
		const epochs = events.flatMap((event) => (event.type === 'changed' ? [event.run.currentEpoch ?? 0] : []));
		assert.ok(epochs.length >= 5, `several progress events (${epochs.length})`);
		assert.deepEqual(epochs, [...epochs].sort((a, b) => a - b), 'epochs only move forward');
		assert.equal(index.all().find((run) => run.name === 'busy')!.currentEpoch, 30);
	});

	it('picks up a root created after start, new runs, and removed runs', async () => {
		const events = collect(index);
		await writeTracker(path.join(ws, 'outputs', 'experiments', '20261201-120000-late'), '20261201-120000-late');
		await until(() => events.some((event) => event.type === 'added' && event.run.name === 'late'), 'the late root\'s run');
		await rm(runDir('idle'), { recursive: true });
		await until(() => events.some((event) => event.type === 'removed' && event.run.name === 'idle'), 'the removal');
		assert.deepEqual(index.all().map((run) => run.name).sort(), ['busy', 'late']);
	});

	it('turns a watcher error into a warning and keeps up by polling', async () => {
		const events = collect(index);
		const failure = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
		// chokidar reports inotify exhaustion as an 'error' event: simulate exactly that.
		(index as unknown as { watcher: { chokidarWatcher: NodeJS.EventEmitter } }).watcher.chokidarWatcher.emit('error', failure);
		await until(() => events.some((event) => event.type === 'warning'), 'the warning');
		const warning = events.find((event) => event.type === 'warning');
		assert.match(warning?.type === 'warning' ? warning.message : '', /limit of file watches.*polling/);
		await until(() => index.isPolling, 'the switch to polling');
		await writeEpochs(runDir('idle'), 6, { start: 6 });
		await until(() => index.all().find((run) => run.name === 'idle')?.latestMetrics.val_iou === 0.3, 'a change seen by polling', 15_000);
	});

	it('judges staleness against the clock without reading files', async () => {
		let now = Date.now();
		const clocked = new RunIndex({ roots: [{ root: root(), workspace: ws }], staleMinutes: 10, clock: () => now });
		await writeTracker(runDir('busy'), '20261201-100000-busy', { status: 'running', current: 1, total: 5 });
		await clocked.load();
		const events = collect(clocked);
		now += 11 * 60_000;
		clocked.recomputeTimeDependent();
		assert.deepEqual(events.map((event) => (event.type === 'changed' ? [event.run.name, event.run.stale, event.run.inferredStatus] : event.type)), [['busy', true, 'stale']]);
		clocked.dispose();
	});
});

describe('following an append-only metrics log', () => {
	it('reads only the bytes appended since the last read', async () => {
		const dir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-follow-'));
		try {
			await writeEpochs(dir, 3);
			const file = path.join(dir, 'metrics', 'validation_metrics.jsonl');
			const follower = new JsonlFollower(file, 4);
			assert.equal((await follower.read()).records.length, 3);
			const consumed = follower.offset;
			// Overwrite the consumed bytes in place: an incremental read never looks at them again.
			const text = await readFile(file, 'utf8');
			await writeFile(file, `${'x'.repeat(consumed - 1)}\n${text.slice(consumed)}`);
			await appendFile(file, `${JSON.stringify({ epoch: 4, phase: 'val', metrics: { val_iou: 0.5 } })}\n{"epoch": 5, "phase"`);
			const next = await follower.read();
			assert.deepEqual(next.records.map((record) => (record as { epoch: number }).epoch), [1, 2, 3, 4], 'the new complete line only; the partial one waits');
			assert.equal(next.problems.length, 0);
			assert.ok(follower.offset > consumed);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
