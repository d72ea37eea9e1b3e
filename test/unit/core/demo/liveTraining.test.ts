import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { keepTraining } from '../../../../src/core/demo/liveTraining';
import { startTrainer } from '../../../../src/core/demo/startTrainer';
import { toPlain } from '../../../../src/core/json/plain';
import { TrackerDocument } from '../../../../src/core/tracker/trackerDocument';
import { type DemoFixture, makeDemo, readJson, readJsonl, readObject } from './demoFixture';

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => {
	if (child.exitCode !== null || child.signalCode !== null) {
		resolve(child.exitCode);
	} else {
		child.once('exit', (code) => resolve(code));
	}
});

const trackerOf = async (runDir: string) => {
	const doc = TrackerDocument.parse(await readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8'));
	assert.ok(doc);
	return doc;
};

describe('live demo training', function () {
	this.timeout(20_000);
	let fixture: DemoFixture;
	beforeEach(async () => {
		fixture = await makeDemo(4);
	});
	afterEach(() => fixture.dispose());

	it('the trainer carries the demo live run on from its third epoch to completion', async () => {
		const before = await trackerOf(fixture.demo.liveRunDir);
		assert.equal(await exited(startTrainer(fixture.demo.liveRunDir, { intervalMs: 20 })), 0);
		const after = await trackerOf(fixture.demo.liveRunDir);
		assert.deepEqual([after.getString('status'), after.getNumber('current_epoch'), after.getNumber('total_epochs')], ['completed', 4, 4]);
		assert.equal(after.getString('started_at'), before.getString('started_at'), 'the same process: no second start_experiment');
		assert.ok(after.getNumber('training_time_seconds')! > before.getNumber('training_time_seconds')!);
		const lines = await readJsonl(path.join(fixture.demo.liveRunDir, 'metrics', 'validation_metrics.jsonl'));
		assert.deepEqual(lines.map((line) => toPlain(line.get('epoch')!)), [1, 2, 3, 4]);
		const summary = toPlain(await readObject(path.join(fixture.demo.liveRunDir, 'metrics', 'summary.json'))) as { metric_history: Array<{ epoch: number }> };
		assert.deepEqual(summary.metric_history.map((entry) => entry.epoch), [1, 2, 3, 4]);
	});

	it('starts a fresh running run when the live one completes', async () => {
		const started: Array<{ child: ChildProcess; runDir: string }> = [];
		const second = new Promise<void>((resolve, reject) => {
			const loop = keepTraining(fixture.demo, fixture.demo.liveRunDir, {
				intervalMs: 20,
				freshRunEpochs: 50,
				onTrainer: (child, runDir) => {
					started.push({ child, runDir });
					if (started.length === 2) {
						loop.stop();
						resolve();
					}
				},
				onError: reject,
			});
		});
		await second;
		const fresh = started[1]!;
		fresh.child.kill('SIGTERM');
		await exited(fresh.child);
		assert.equal(started[0]!.runDir, fixture.demo.liveRunDir);
		assert.notEqual(fresh.runDir, fixture.demo.liveRunDir);
		assert.equal(path.dirname(fresh.runDir), path.join(fixture.demo.root, 'experiments'));
		assert.match(path.basename(fresh.runDir), /^\d{8}-\d{6}-focal_loss_experiment$/);
		assert.equal((await trackerOf(fixture.demo.liveRunDir)).getString('status'), 'completed');
		const freshTracker = await trackerOf(fresh.runDir);
		assert.equal(freshTracker.getString('status'), 'running');
		const summary = freshTracker.get('config_summary');
		assert.ok(summary instanceof Map);
		assert.equal(toPlain(summary.get('epochs')!), 50);
		const registry = toPlain(await readJson(path.join(fixture.demo.root, 'experiment_registry.json'))) as Array<{ id: string }>;
		assert.equal(registry.at(-1)!.id, path.basename(fresh.runDir));
	});
});
