import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { crackSegConfig } from '../../../../src/core/demo/demoConfigs';
import { startTrainer, type StartTrainerOptions } from '../../../../src/core/demo/startTrainer';
import { toPlain } from '../../../../src/core/json/plain';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';
import { TrackerDocument } from '../../../../src/core/tracker/trackerDocument';
import { pythonReadInput, runPython } from '../json/runPython';
import { readJsonl, readObject } from './demoFixture';

interface Exit {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
}

/** A trainer with its stderr kept, for the failure messages. */
function train(runDir: string, options: StartTrainerOptions): { child: ChildProcess; exit: Promise<Exit>; stderr: () => string } {
	const child = startTrainer(runDir, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
	const chunks: Buffer[] = [];
	child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
	const exit = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
	return { child, exit, stderr: () => Buffer.concat(chunks).toString('utf8') };
}
const trackerText = (runDir: string) => readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8').catch(() => '');
const trackerOf = async (runDir: string) => {
	const doc = TrackerDocument.parse(await trackerText(runDir));
	assert.ok(doc, 'experiment_tracker.json parses');
	return doc;
};
const jsonlLength = (runDir: string) => readFile(path.join(runDir, 'metrics', 'validation_metrics.jsonl'), 'utf8').then((text) => text.split('\n').length - 1, () => 0);

/** Polls until the trainer has logged `epochs` epochs; fails if it exits first. */
async function untilEpochs(runDir: string, epochs: number, trainer: ReturnType<typeof train>): Promise<void> {
	let ended = false;
	void trainer.exit.then(() => {
		ended = true;
	});
	while ((await jsonlLength(runDir)) < epochs) {
		assert.ok(!ended, `the trainer exited early: ${trainer.stderr()}`);
		await delay(10);
	}
}

describe('simulated trainer process', function () {
	this.timeout(20_000);
	let workspace: string;
	let runDir: string;
	beforeEach(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-trainer-'));
		runDir = path.join(workspace, 'artifacts', 'experiments', '20261204-101500-trainer_test');
		await mkdir(runDir, { recursive: true });
		await writeFile(path.join(runDir, 'config.json'), dumpPythonJson(crackSegConfig({ experimentName: 'trainer_test', architecture: 'unet', epochs: 12, learningRate: 0.001, batchSize: 8, loss: 'bce_dice' })));
		// What Python's ExperimentTracker constructor leaves behind.
		await writeFile(path.join(runDir, 'experiment_tracker.json'), '');
	});
	afterEach(() => rm(workspace, { recursive: true, force: true }));

	it('trains 5 epochs and completes, rewriting the tracker in place so a concurrent reader sees torn files', async () => {
		const trainer = train(runDir, { intervalMs: 50, epochs: 5 });
		let running = true;
		void trainer.exit.then(() => {
			running = false;
		});
		let reads = 0;
		let torn = 0;
		while (running) {
			const text = await trackerText(runDir);
			reads++;
			if (text === '' || TrackerDocument.parse(text) === undefined) {
				torn++;
			}
		}
		assert.deepEqual(await trainer.exit, { code: 0, signal: null }, trainer.stderr());
		assert.ok(torn >= 1, `${torn} torn reads out of ${reads}`);
		for (let read = 0; read < 5; read++) {
			assert.ok(TrackerDocument.parse(await trackerText(runDir)), 'every read after exit parses');
		}
		const doc = await trackerOf(runDir);
		assert.deepEqual([doc.getString('status'), doc.getNumber('current_epoch'), doc.getNumber('total_epochs')], ['completed', 5, 5]);
		assert.equal(doc.getString('experiment_name'), 'trainer_test');
		assert.equal(doc.getString('config_hash')?.length, 64, 'the fresh tracker hashed config.json');
		assert.notEqual(doc.getString('started_at'), '');
		assert.deepEqual(doc.getStringList('metric_files'), ['artifacts/experiments/20261204-101500-trainer_test/metrics/complete_summary.json']);
		const lines = await readJsonl(path.join(runDir, 'metrics', 'validation_metrics.jsonl'));
		assert.deepEqual(lines.map((line) => toPlain(line.get('epoch')!)), [1, 2, 3, 4, 5]);
		const files = ['experiment_tracker.json', 'metrics/summary.json', 'metrics/complete_summary.json'].map((file) => path.join(runDir, file));
		const loaded = await runPython(`${pythonReadInput}print(json.dumps([len(json.load(open(f, encoding="utf-8"))) for f in cases]))`, files);
		assert.deepEqual(loaded, [32, 4, 4]);
	});

	it('stops on SIGTERM after the write in progress, leaving parseable files and the run "running"', async () => {
		const trainer = train(runDir, { intervalMs: 40, epochs: 500 });
		await untilEpochs(runDir, 2, trainer);
		trainer.child.kill('SIGTERM');
		const { code, signal } = await trainer.exit;
		assert.ok(code === 0 || signal === 'SIGTERM', `exit ${String(code)} ${String(signal)}`);
		const doc = await trackerOf(runDir);
		assert.equal(doc.getString('status'), 'running');
		assert.ok((doc.getNumber('current_epoch') ?? 0) < 500);
		await readObject(path.join(runDir, 'metrics', 'summary.json'));
		await readJsonl(path.join(runDir, 'metrics', 'validation_metrics.jsonl'));
	});

	it('aborts the run on SIGINT, as a script catching KeyboardInterrupt does', async () => {
		const trainer = train(runDir, { intervalMs: 40, epochs: 500 });
		await untilEpochs(runDir, 1, trainer);
		trainer.child.kill('SIGINT');
		assert.equal((await trainer.exit).code, 0, trainer.stderr());
		const doc = await trackerOf(runDir);
		assert.equal(doc.getString('status'), 'aborted');
		assert.notEqual(doc.getString('completed_at'), '');
	});

	it('fails at --fail-at with the CUDA out-of-memory error and exits 0', async () => {
		const trainer = train(runDir, { intervalMs: 20, epochs: 6, failAt: 3 });
		assert.equal((await trainer.exit).code, 0, trainer.stderr());
		const doc = await trackerOf(runDir);
		assert.deepEqual([doc.getString('status'), doc.getNumber('current_epoch'), doc.getNumber('total_epochs')], ['failed', 2, 6]);
		assert.ok(doc.getString('description')?.endsWith('\nError: RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB'));
		assert.equal(await jsonlLength(runDir), 2);
		const info = await readObject(path.join(runDir, 'experiment_info.json'));
		assert.equal(info.get('status'), 'failed');
	});

	it('exits 2 on a bad command line or a missing run folder, without touching anything', async () => {
		const trainer = train(runDir, { intervalMs: -5 });
		assert.equal((await trainer.exit).code, 2);
		assert.match(trainer.stderr(), /--interval-ms/);
		assert.equal(await trackerText(runDir), '');
	});
});
