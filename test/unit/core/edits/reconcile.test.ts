import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { appendEdit, readJournal } from '../../../../src/core/edits/journal';
import { reconcileRun } from '../../../../src/core/edits/reconcile';
import { newTrackerDocument } from '../../../../src/core/tracker/newTracker';

const liveWindowMs = 10 * 60_000;

describe('reconciling pending edits into experiment_tracker.json', () => {
	let dir: string;
	const tracker = () => path.join(dir, 'experiment_tracker.json');
	const target = () => ({ dir, id: 'run-1', name: 'run' });
	const writeTracker = async (status: string, ageMs = 0) => {
		const doc = newTrackerDocument({ id: 'run-1', name: 'run', now: '2026-12-04T10:00:00.000000', status });
		await writeFile(tracker(), doc.serialize());
		const when = new Date(Date.now() - ageMs);
		await utimes(tracker(), when, when);
	};

	beforeEach(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-reconcile-'));
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('defers while the writer is live, and writes once the run is quiet', async () => {
		await writeTracker('running');
		await appendEdit(dir, { op: 'addTags', at: '2026-12-04T10:00:01.000000', tags: ['x'] }, 'test');
		assert.deepEqual(await reconcileRun(target(), { liveWindowMs }), { state: 'deferred' });
		assert.doesNotMatch(await readFile(tracker(), 'utf8'), /"x"/);
		const later = Date.now() + liveWindowMs + 1000;
		const result = await reconcileRun(target(), { liveWindowMs, nowMs: later });
		assert.equal(result.state, 'reconciled');
		assert.match(await readFile(tracker(), 'utf8'), /"tags": \[\n {4}"x"\n {2}\]/);
		assert.equal((await readJournal(dir)).pending.length, 1, 'kept while the status is still running: a stale writer could come back');
	});

	it('writes at once and clears the journal when the run has ended', async () => {
		await writeTracker('completed');
		await appendEdit(dir, { op: 'setDescription', at: '2026-12-04T10:00:01.000000', text: 'ünïcode' }, 'test');
		const result = await reconcileRun(target(), { liveWindowMs });
		assert.deepEqual(result, { state: 'reconciled', wrote: true, resolved: 1, pending: 0, blocked: [] });
		const text = await readFile(tracker(), 'utf8');
		assert.match(text, /"description": "\\u00fcn\\u00efcode"/, 'ASCII-escaped as Python writes it');
		assert.ok(!text.endsWith('\n'));
		const journal = await readJournal(dir);
		assert.deepEqual([journal.pending.length, journal.history.map((entry) => entry.outcome)], [0, ['applied']]);
	});

	it('writes into a tracker file that starts with a byte-order mark (and drops the mark, as Python would)', async () => {
		await writeTracker('completed');
		await writeFile(tracker(), `\uFEFF${await readFile(tracker(), 'utf8')}`);
		await appendEdit(dir, { op: 'addTags', at: '2026-12-04T10:00:01.000000', tags: ['bom'] }, 'test');
		const result = await reconcileRun(target(), { liveWindowMs });
		assert.equal(result.state, 'reconciled');
		const text = await readFile(tracker(), 'utf8');
		assert.match(text, /"tags": \[\n {4}"bom"\n {2}\]/);
		assert.ok(!text.startsWith('\uFEFF'));
	});

	it('creates a complete tracker file for a run that has none, keeping its recorded status', async () => {
		await appendEdit(dir, { op: 'addTags', at: '2026-12-04T10:00:01.000000', tags: ['baseline'] }, 'test');
		await reconcileRun({ ...target(), status: 'completed', createdAt: '2026-12-01T09:00:00.000000' }, { liveWindowMs });
		const file = JSON.parse(await readFile(tracker(), 'utf8')) as Record<string, unknown>;
		assert.equal(Object.keys(file).length, 32);
		assert.deepEqual([file.status, file.tags, file.created_at], ['completed', ['baseline'], '2026-12-01T09:00:00.000000']);
	});

	it('never rewrites a corrupt tracker file and keeps the edit', async () => {
		await writeFile(tracker(), '{"experiment_id": "run-1", "status": "run');
		await appendEdit(dir, { op: 'addTags', at: 't', tags: ['x'] }, 'test');
		const result = await reconcileRun(target(), { liveWindowMs });
		assert.equal(result.state, 'blocked');
		assert.equal(await readFile(tracker(), 'utf8'), '{"experiment_id": "run-1", "status": "run');
		assert.equal((await readJournal(dir)).pending.length, 1);
	});

	it('keeps an edit the file cannot hold pending and says why', async () => {
		await writeFile(tracker(), '{\n  "experiment_id": "run-1",\n  "experiment_name": "run",\n  "status": "completed"\n}');
		await appendEdit(dir, { op: 'addTags', at: 't', tags: ['x'] }, 'test');
		const result = await reconcileRun(target(), { liveWindowMs });
		assert.equal(result.state, 'reconciled');
		assert.match(result.state === 'reconciled' ? result.blocked[0]! : '', /add tag x: the file has no usable "tags"/);
		assert.equal(Object.keys(JSON.parse(await readFile(tracker(), 'utf8')) as object).length, 3, 'no key added');
	});

	it('refuses to touch a journal it cannot read', async () => {
		await writeTracker('completed');
		await mkdir(path.join(dir, '.exptrack'), { recursive: true });
		await writeFile(path.join(dir, '.exptrack', 'journal.json'), '{ not json');
		await assert.rejects(appendEdit(dir, { op: 'addTags', at: 't', tags: ['x'] }, 'test'), /not valid JSON/);
		assert.equal(await readFile(path.join(dir, '.exptrack', 'journal.json'), 'utf8'), '{ not json');
	});
});
