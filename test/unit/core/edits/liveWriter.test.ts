import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { editRun, reconcileTargetOf } from '../../../../src/core/edits/editRun';
import { applyEdit, type EditOp } from '../../../../src/core/edits/editOps';
import { readJournal } from '../../../../src/core/edits/journal';
import { reconcileRun } from '../../../../src/core/edits/reconcile';
import { readRunSummary } from '../../../../src/core/runs/readRun';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { createRun } from '../../../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../../../src/core/tracker/newTracker';
import { pythonIsoNow } from '../../../../src/core/tracker/timestamps';

const liveWindowMs = 60_000;

/** The tags and description the edits should leave, applied one by one as the journal will. */
function expectedFields(initialTags: string[], ops: readonly EditOp[]): { tags: string[]; description: string } {
	const fields = { tags: [...initialTags], description: '', status: 'running', completed_at: '', updated_at: '' };
	const has = () => true;
	for (const op of ops) {
		applyEdit({ has, getString: (key) => fields[key], getStringList: () => fields.tags, set: (key, value) => ((fields as Record<string, unknown>)[key] = value, true) }, op);
	}
	return { tags: fields.tags, description: fields.description };
}

describe('edits made while a Python-like writer rewrites the file', function () {
	this.timeout(120_000);
	let workspace: string;

	before(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-live-'));
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	it('keeps every edit and every writer update, and never reads the file as corrupt', async () => {
		const root = path.join(workspace, 'artifacts');
		const created = await createRun({ root, workspace, name: 'live_run', tags: ['baseline'], environment: emptyEnvironment });
		const location = { dir: created.dir, root, workspace, layout: 'experiment' as const };
		const epochs = 1500;
		const writer = fork(path.join(__dirname, 'pythonLikeWriter.js'), [path.join(created.dir, 'experiment_tracker.json'), String(epochs), '3'], { stdio: 'ignore' });
		const exited = new Promise<number | null>((resolve) => writer.on('exit', (code) => resolve(code)));
		let writerEpoch = 0;
		writer.on('message', (message: { epoch: number }) => (writerEpoch = message.epoch));
		let running = true;
		void exited.then(() => (running = false));

		const ops: EditOp[] = [];
		let opsWhileWriting = 0;
		let reads = 0;
		let corruptReads = 0;
		for (let index = 0; running; index += 1) {
			const summary = (await readRunSummary(location, { staleMinutes: 10 })) as RunSummary;
			reads += 1;
			corruptReads += summary.problems.filter((entry) => entry.kind === 'corrupt').length;
			if (ops.length > 0) {
				const expected = expectedFields(['baseline'], ops);
				assert.deepEqual(summary.tags, expected.tags, `the model shows the file with the pending edits applied (status ${summary.status}, problems ${JSON.stringify(summary.problems)}, tracker ${summary.hasTrackerFile})`);
			}
			const op: EditOp = index % 3 === 0
				? { op: 'setDescription', at: pythonIsoNow(), text: `description ${index}` }
				: index % 3 === 1
					? { op: 'addTags', at: pythonIsoNow(), tags: [`tag${index}`, `tag${index - 3}`] }
					: { op: 'removeTags', at: pythonIsoNow(), tags: [`tag${index - 2}`] };
			ops.push(op);
			opsWhileWriting += running ? 1 : 0;
			await editRun(summary, op, { by: 'test', liveWindowMs });
		}
		assert.equal(await exited, 0, 'the writer finished');
		assert.ok(opsWhileWriting >= 100, `${opsWhileWriting} edits made while the writer ran`);
		assert.equal(corruptReads, 0, `no read called the file corrupt (${reads} reads)`);
		console.log(`      ${opsWhileWriting} edits and ${reads} reads interleaved with ${writerEpoch} whole-file saves of the writer`);

		const final = (await readRunSummary(location, { staleMinutes: 10 })) as RunSummary;
		const result = await reconcileRun(reconcileTargetOf(final), { liveWindowMs });
		assert.ok(result.state === 'reconciled' || result.state === 'clean', `reconciled (${result.state})`);
		const file = JSON.parse(await readFile(path.join(created.dir, 'experiment_tracker.json'), 'utf8')) as Record<string, unknown>;
		const expected = expectedFields(['baseline'], ops);
		assert.equal(file.status, 'completed', "the writer's final status");
		assert.equal(file.current_epoch, epochs, "the writer's final epoch");
		assert.deepEqual(file.tags, expected.tags, 'every tag edit, in order');
		assert.equal(file.description, expected.description, 'the last description');
		assert.equal(Object.keys(file).length, 32, 'no key added');
		const journal = await readJournal(created.dir);
		assert.equal(journal.pending.length, 0, 'nothing left pending');
		assert.deepEqual(journal.history.map((entry) => entry.op), ops, 'the journal keeps the edits as an ordered audit trail');
	});
});
