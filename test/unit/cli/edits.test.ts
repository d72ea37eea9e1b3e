import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ageFiles, assertCliBuilt, cliOk, isoMicros, listJson, makeWorkspace, readJournal, readTracker, removeWorkspace, runCli, writeRun } from './runCli';

describe('exptrack describe, tag, untag, mark and sync: edits through the journal (child process)', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;
	let counter = 0;

	async function run(fields: Record<string, unknown>): Promise<{ id: string; dir: string }> {
		counter += 1;
		const id = `20261204-1600${String(counter).padStart(2, '0')}-edit${counter}`;
		return { id, dir: await writeRun(root, id, { completed_at: '2000-01-01T00:00:00.000000', updated_at: '2000-01-01T00:00:00.000000', ...fields }) };
	}

	async function assertNothingPending(dir: string): Promise<void> {
		const journal = await readJournal(dir);
		assert.ok(journal, 'no journal was written');
		assert.deepEqual(journal.pending, []);
	}

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		root = path.join(workspace, 'artifacts');
	});

	after(async () => {
		await removeWorkspace(workspace);
	});

	describe('on a run whose writer is not live', () => {
		it('describe writes the text and updated_at into the file, and leaves nothing pending', async () => {
			const { id, dir } = await run({ status: 'completed' });
			await cliOk(['describe', id, 'Tuned on grieta_ñ data'], workspace);
			const tracker = await readTracker(dir);
			assert.equal(tracker.description, 'Tuned on grieta_ñ data');
			assert.match(String(tracker.updated_at), isoMicros);
			assert.notEqual(tracker.updated_at, '2000-01-01T00:00:00.000000');
			await assertNothingPending(dir);
			assert.equal((await readJournal(dir))!.history.length, 1);
		});

		it('tag appends new tags once, untag removes them; both bump updated_at', async () => {
			const { id, dir } = await run({ status: 'completed', tags: ['baseline', 'unet'] });
			await cliOk(['tag', id, 'best', 'unet', 'best'], workspace);
			assert.deepEqual((await readTracker(dir)).tags, ['baseline', 'unet', 'best']);
			await cliOk(['untag', id, 'baseline', 'absent'], workspace);
			const tracker = await readTracker(dir);
			assert.deepEqual(tracker.tags, ['unet', 'best']);
			assert.match(String(tracker.updated_at), isoMicros);
			await assertNothingPending(dir);
		});

		it('mark failed --reason ends a crashed (stale running) run as fail_experiment would', async () => {
			const { id, dir } = await run({ status: 'running', description: 'sweep', completed_at: '' });
			await ageFiles(dir, 3600);
			await cliOk(['mark', id, 'failed', '--reason', 'killed by OOM'], workspace);
			const tracker = await readTracker(dir);
			assert.equal(tracker.status, 'failed');
			assert.equal(tracker.description, 'sweep\nError: killed by OOM');
			assert.match(String(tracker.completed_at), isoMicros);
			assert.equal(tracker.updated_at, '2000-01-01T00:00:00.000000', 'mark is a lifecycle change: updated_at stays');
			await assertNothingPending(dir);
		});

		it('mark completed and mark aborted set the status and completed_at', async () => {
			for (const status of ['completed', 'aborted']) {
				const { id, dir } = await run({ status: 'running', completed_at: '' });
				await ageFiles(dir, 3600);
				await cliOk(['mark', id, status], workspace);
				const tracker = await readTracker(dir);
				assert.equal(tracker.status, status);
				assert.match(String(tracker.completed_at), isoMicros);
				await assertNothingPending(dir);
			}
		});

		it('a run just made by "exptrack create" (status created, no training process) takes an edit at once', async () => {
			const id = (await cliOk(['create', 'fresh'], workspace)).trim();
			const dir = path.join(root, 'experiments', id);
			const result = await runCli(['tag', id, 'first'], workspace);
			assert.equal(result.code, 0, result.stderr);
			assert.deepEqual((await readTracker(dir)).tags, ['first'], `the tag was not written; stderr: ${result.stderr}`);
			assert.equal(result.stderr, '', 'no "kept in the journal" note: nothing is deferred');
			// Until the run ends the journal keeps the edit, in case a tracker process starts and erases it.
			const listed = (await listJson(workspace)).find((entry) => entry.id === id)!;
			assert.equal(listed.editsInFile, true);
			await cliOk(['complete', id], workspace);
			await cliOk(['sync', id], workspace);
			await assertNothingPending(dir);
		});
	});

	describe('on a live run (status running, file modified seconds ago)', () => {
		it('keeps the edit pending, list shows it applied, and sync writes it after complete', async () => {
			const { id, dir } = await run({ status: 'running', tags: ['unet'], description: 'old', completed_at: '' });
			const tagged = await runCli(['tag', id, 'live-tag'], workspace);
			assert.equal(tagged.code, 0, tagged.stderr);
			assert.match(tagged.stderr, /journal/, 'the user is told where the edit went');
			await cliOk(['describe', id, 'new words'], workspace);
			const file = await readTracker(dir);
			assert.deepEqual(file.tags, ['unet'], 'a live run\'s file must not be written');
			assert.equal(file.description, 'old');
			assert.equal((await readJournal(dir))!.pending.length, 2);
			const listed = (await listJson(workspace)).find((entry) => entry.id === id)!;
			assert.deepEqual(listed.tags, ['unet', 'live-tag'], 'list shows the file ⊕ pending edits');
			assert.equal(listed.description, 'new words');
			assert.deepEqual(listed.pendingEdits.map((edit) => edit.op), ['addTags', 'setDescription']);

			const early = await runCli(['sync'], workspace);
			assert.equal(early.code, 0, early.stderr);
			assert.deepEqual((await readTracker(dir)).tags, ['unet'], 'sync must not write while the writer is live');

			await cliOk(['complete', id], workspace);
			assert.deepEqual((await readJournal(dir))!.pending.length, 2, 'complete must not drop pending edits');
			const synced = await runCli(['sync', '--json'], workspace);
			assert.equal(synced.code, 0, synced.stderr);
			const results = JSON.parse(synced.stdout) as { id: string; state: string }[];
			assert.deepEqual(results.find((entry) => entry.id === id)?.state, 'reconciled');
			const after = await readTracker(dir);
			assert.equal(after.status, 'completed');
			assert.deepEqual(after.tags, ['unet', 'live-tag']);
			assert.equal(after.description, 'new words');
			await assertNothingPending(dir);
			assert.equal((await listJson(workspace)).find((entry) => entry.id === id)!.pendingEdits.length, 0);
		});

		it('sync writes a pending edit once the run\'s files are old (its writer stopped)', async () => {
			const { id, dir } = await run({ status: 'running', tags: [], completed_at: '' });
			await cliOk(['tag', id, 'late'], workspace);
			assert.deepEqual((await readTracker(dir)).tags, []);
			await ageFiles(dir, 3600);
			const synced = await runCli(['sync', id], workspace);
			assert.equal(synced.code, 0, synced.stderr);
			assert.match(synced.stdout, new RegExp(`^${id}: `));
			assert.deepEqual((await readTracker(dir)).tags, ['late']);
			const listed = (await listJson(workspace)).find((entry) => entry.id === id)!;
			assert.deepEqual(listed.tags, ['late'], 'an edit the file holds is not applied twice');
		});

		it('mark on a live run waits in the journal too', async () => {
			const { id, dir } = await run({ status: 'running', completed_at: '' });
			await cliOk(['mark', id, 'aborted'], workspace);
			assert.equal((await readTracker(dir)).status, 'running');
			const listed = (await listJson(workspace)).find((entry) => entry.id === id)!;
			assert.equal(listed.status, 'aborted');
		});
	});

	it('sync with nothing pending says so and exits 0', async () => {
		const isolated = await makeWorkspace();
		try {
			await writeRun(path.join(isolated, 'artifacts'), '20261204-170000-quiet', { status: 'completed' });
			const result = await runCli(['sync'], isolated);
			assert.equal(result.code, 0, result.stderr);
			assert.match(result.stdout, /No run has pending edits/);
		} finally {
			await removeWorkspace(isolated);
		}
	});

	it('mark rejects a status other than completed, failed or aborted with exit 2', async () => {
		const { id } = await run({ status: 'running' });
		const result = await runCli(['mark', id, 'running'], workspace);
		assert.equal(result.code, 2);
	});
});
