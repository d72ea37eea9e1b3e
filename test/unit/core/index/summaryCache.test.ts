import * as assert from 'node:assert/strict';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../../../../src/core/fs/atomicWrite';
import { racyWindowMs, RunSummaryCache, summaryCacheFile } from '../../../../src/core/index/summaryCache';
import type { RootSpec } from '../../../../src/core/runs/discover';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { scanRuns } from '../../../../src/core/runs/scanRuns';
import { writeMixedCorpus } from './mixedCorpus';
import { writeEpochs, writeInfo, writeTracker } from './fixtures';

const producer = 'exptrack test';

/** Loads `spec` as `exptrack` does at `nowMs`: blocking, through the cache in `folder` (none when undefined). */
async function load(spec: RootSpec, nowMs: number, folder?: string): Promise<{ runs: RunSummary[]; cache?: RunSummaryCache }> {
	const cache = folder === undefined ? undefined : await RunSummaryCache.open(summaryCacheFile(folder, [spec]), producer);
	const realNow = Date.now;
	// The index reads the clock through Date.now; the cache's racy check needs a clock after the files' times.
	Date.now = () => nowMs;
	try {
		const { runs } = await scanRuns([spec], { staleMinutes: 10, blockingLoad: true, summaryCache: cache });
		await cache?.save();
		return { runs: runs.sort((a, b) => a.dir.localeCompare(b.dir)), cache };
	} finally {
		Date.now = realNow;
	}
}

describe('the run-summary cache of exptrack', function () {
	this.timeout(120_000);
	let workspace: string;
	let spec: RootSpec;
	let folder: string;
	// Far enough after every file's times that no read is "racy".
	const later = (): number => Date.now() + 10 * racyWindowMs;

	before(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-cache-'));
		spec = await writeMixedCorpus(workspace, 120);
	});

	beforeEach(async () => {
		folder = await mkdtemp(path.join(os.tmpdir(), 'exptrack-cache-folder-'));
	});

	afterEach(() => rm(folder, { recursive: true, force: true }));
	after(() => rm(workspace, { recursive: true, force: true }));

	it('gives exactly what reading every run gives, re-reading none of the unchanged ones', async () => {
		const nowMs = later();
		const fresh = await load(spec, nowMs);
		const first = await load(spec, nowMs, folder);
		assert.deepEqual(first.runs, fresh.runs);
		assert.equal(first.cache!.counts.reused, 0);
		const second = await load(spec, nowMs, folder);
		assert.deepEqual(second.runs, fresh.runs);
		// Only reads that stats cannot vouch for (a pipe, an unreadable file, …) are read again.
		assert.equal(second.cache!.counts.reused, first.cache!.size);
		// Every well-formed run is cached; only reads stats cannot vouch for are not (a file read
		// again as possibly torn, a pipe, a tracker-less run that looked up its training config, …).
		const wellFormed = fresh.runs.filter((run) => !path.basename(run.dir).startsWith('hostile-') && run.hasTrackerFile);
		assert.ok(wellFormed.length > 100, `${wellFormed.length} well-formed runs`);
		assert.deepEqual(wellFormed.filter((run) => !second.cache!.has(run)).map((run) => run.id), []);
	});

	it('recomputes what changes with the clock alone: a running run goes stale', async () => {
		const dir = path.join(spec.root, 'experiments', '20261201-100000-clock');
		await writeTracker(dir, '20261201-100000-clock', { status: 'running', current: 2, total: 10 });
		try {
			await load(spec, later(), folder);
			const muchLater = later() + 60 * 60_000;
			const cached = await load(spec, muchLater, folder);
			const run = cached.runs.find((entry) => entry.dir === dir)!;
			assert.equal(run.stale, true);
			assert.equal(run.inferredStatus, 'stale');
			assert.deepEqual(cached.runs, (await load(spec, muchLater)).runs);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('re-reads exactly the run whose files changed, whatever the change', async () => {
		const root = path.join(spec.root, 'experiments');
		const id = '20261202-100000-changing';
		const dir = path.join(root, id);
		const tracker = path.join(dir, 'experiment_tracker.json');
		await writeTracker(dir, id, { status: 'running', current: 1, total: 10 });
		await writeInfo(dir, id, 'running');
		await writeEpochs(dir, 3);
		// A whole second, so that putting it back below gives exactly the same modification time.
		const modified = Math.floor(Date.now() / 1000) - 3600;
		await utimes(tracker, modified, modified);
		const changes: Array<[string, () => Promise<void>]> = [
			['tracker rewritten in place, same size, modification time put back', async () => {
				const text = await readFile(tracker, 'utf8');
				await writeFile(tracker, text.replace('"current_epoch": 1', '"current_epoch": 7'));
				await utimes(tracker, modified, modified);
				assert.equal((await stat(tracker)).mtimeMs, modified * 1000);
			}],
			['tracker replaced by an atomic write', async () => writeFileAtomic(tracker, (await readFile(tracker, 'utf8')).replace('"running"', '"failed"'))],
			['an epoch appended to the metrics log', () => appendFile(path.join(dir, 'metrics', 'validation_metrics.jsonl'), `${JSON.stringify({ epoch: 4, phase: 'val', metrics: { val_loss: 0.1, val_iou: 0.9 } })}\n`)],
			['a metrics file appears', () => writeFile(path.join(dir, 'metrics', 'summary.json'), JSON.stringify({ experiment_start: '2026-12-02T10:00:00', total_epochs: 40, epochs: {} }))],
			['the info file is deleted', () => unlink(path.join(dir, 'experiment_info.json'))],
			['the tracker file is emptied', () => truncate(tracker, 0)],
		];
		const baseline = await load(spec, later(), folder);
		// Runs whose reads stats cannot vouch for are read every time; every other run comes from the cache.
		const alwaysRead = baseline.runs.length - baseline.cache!.size;
		for (const [change, make] of changes) {
			await make();
			const nowMs = later();
			const cached = await load(spec, nowMs, folder);
			assert.deepEqual(cached.runs, (await load(spec, nowMs)).runs, change);
			assert.equal(cached.cache!.counts.read, alwaysRead + 1, `${change}: only the changed run is read again`);
		}
		await rm(dir, { recursive: true, force: true });
		const afterRemoval = await load(spec, later(), folder);
		assert.equal(afterRemoval.runs.some((run) => run.dir === dir), false, 'a deleted run is gone');
	});

	it('caches a read only once its files are older than the racy window (and never one dated in the future)', async () => {
		const id = '20261203-100000-racy';
		const dir = path.join(spec.root, 'experiments', id);
		const tracker = path.join(dir, 'experiment_tracker.json');
		await writeTracker(dir, id, { status: 'running', current: 1, total: 10 });
		try {
			const times = await Promise.all([stat(dir), stat(tracker)]);
			const changed = Math.max(...times.flatMap((info) => [info.mtimeMs, info.ctimeMs]));
			const tooSoon = await load(spec, changed + racyWindowMs - 500, folder);
			const run = tooSoon.runs.find((entry) => entry.dir === dir)!;
			assert.equal(tooSoon.cache!.has(run), false, 'read within the racy window');
			const settled = await load(spec, changed + racyWindowMs + 500, folder);
			assert.equal(settled.cache!.has(run), true, 'read after the racy window');
			// A clock ahead of ours (a file server's) dates the file after the load's clock.
			const ahead = new Date(Date.now() + 3600_000);
			await utimes(tracker, ahead, ahead);
			const future = await load(spec, later(), folder);
			assert.equal(future.runs.find((entry) => entry.dir === dir)?.currentEpoch, 1);
			assert.equal(future.cache!.has(run), false, 'dated in the future');
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('ignores a whole cache with an entry that is malformed or vouched for by nothing, even with a valid digest', async () => {
		const nowMs = later();
		const fresh = await load(spec, nowMs);
		await load(spec, nowMs, folder);
		const [name] = await readdir(folder);
		const file = path.join(folder, name!);
		const good = deserialize(await readFile(file)) as { payload: Uint8Array; digest: string };
		const forgeries: Array<[string, (entry: [string, { paths: string[]; text: string; summary: Record<string, unknown> }]) => void]> = [
			['a summary without tags', ([, entry]) => delete entry.summary.tags],
			['a problem without a message', ([, entry]) => {
				entry.summary.problems = [{ kind: 'corrupt', severity: 'error', file: 'x' }];
			}],
			['a stamp of no paths', ([, entry]) => {
				entry.paths = [];
				entry.text = '';
				entry.summary.name = 'FORGED';
			}],
			['a summary of another run', ([, entry]) => {
				entry.summary.dir = path.join(spec.root, 'experiments', 'elsewhere');
			}],
		];
		for (const [forgery, alter] of forgeries) {
			const entries = deserialize(good.payload) as Array<[string, { paths: string[]; text: string; summary: Record<string, unknown> }]>;
			alter(entries[0]!);
			const payload = serialize(entries);
			await writeFile(file, serialize({ ...good, payload, digest: createHash('sha256').update(payload).digest('hex') }));
			const reloaded = await load(spec, nowMs, folder);
			assert.deepEqual(reloaded.runs, fresh.runs, forgery);
			assert.equal(reloaded.cache!.counts.reused, 0, forgery);
		}
	});

	it('ignores a cache file that is torn, corrupt, foreign or of another version, and rewrites it', async () => {
		const nowMs = later();
		const fresh = await load(spec, nowMs);
		await load(spec, nowMs, folder);
		const [name] = await readdir(folder);
		const file = path.join(folder, name!);
		const good = await readFile(file);
		const flipped = Buffer.from(good);
		flipped[flipped.length - 100] ^= 0xff;
		const damages: Array<[string, () => Promise<void>]> = [
			['torn', () => writeFile(file, good.subarray(0, good.length >> 1))],
			['one byte flipped', () => writeFile(file, flipped)],
			['not a cache', () => writeFile(file, '{"runs": []}')],
			['empty', () => writeFile(file, '')],
			['another program version', async () => {
				await writeFile(file, good);
				const other = await RunSummaryCache.open(file, 'exptrack 0.0.0');
				assert.equal(other.size, 0);
			}],
		];
		for (const [damage, make] of damages) {
			await make();
			const reloaded = await load(spec, nowMs, folder);
			assert.deepEqual(reloaded.runs, fresh.runs, damage);
			const again = await load(spec, nowMs, folder);
			assert.ok(again.cache!.counts.reused > 0, `${damage}: the cache is usable again`);
		}
	});

	it('still lists every run when the cache cannot be written', async () => {
		const blocked = path.join(folder, 'not-a-folder');
		await writeFile(blocked, 'x');
		const nowMs = later();
		const cache = await RunSummaryCache.open(summaryCacheFile(blocked, [spec]), producer);
		const { runs } = await scanRuns([spec], { staleMinutes: 10, blockingLoad: true, summaryCache: cache });
		assert.equal(await cache.save(), false);
		assert.equal(runs.length, (await load(spec, nowMs)).runs.length);
	});
});
