import * as assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { verifyConfigHash } from '../../../../src/core/config/configHash';
import { type JsonNumber, type JsonObject, isJsonNumber, isJsonObject } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { toPlain } from '../../../../src/core/json/plain';
import { trainingEpochsFromYaml } from '../../../../src/core/metrics/trainingConfigEpochs';
import { type DemoFixture, makeDemo, readJsonl, readObject, runOf } from './demoFixture';

const tracker = (dir: string) => readObject(path.join(dir, 'experiment_tracker.json'));
const numberText = (object: JsonObject, key: string) => (object.get(key) as JsonNumber).text;
const plain = (object: JsonObject) => toPlain(object) as Record<string, unknown>;

describe('demo runs', () => {
	let fixture: DemoFixture;
	before(async () => {
		fixture = await makeDemo();
	});
	after(() => fixture.dispose());

	it('completed unet_baseline has its tags, description, config hash, environment and epochs', async () => {
		const run = runOf(fixture.demo, 'completed', 'unet_baseline');
		const doc = plain(await tracker(run.dir));
		assert.equal(doc.status, 'completed');
		assert.deepEqual(doc.tags, ['baseline', 'unet', 'bce_dice']);
		assert.ok(String(doc.description).length > 0);
		const verification = verifyConfigHash(await readFile(path.join(run.dir, 'config.json'), 'utf8'), String(doc.config_hash));
		assert.equal(verification.status, 'match', verification.reason);
		assert.deepEqual(Object.keys(doc.config_summary as object), ['epochs', 'batch_size', 'learning_rate', 'optimizer', 'loss', 'model_type', 'encoder', 'decoder', 'dataset', 'data_root']);
		assert.match(String(doc.python_version), /^3\.11\.\d+ \(.+\) \[.+\]$/);
		assert.deepEqual([doc.pytorch_version, doc.cuda_available, doc.cuda_version], ['2.7.1+cu128', true, '12.8']);
		assert.match(String((doc.gpu_info as { name: string }).name), /RTX/);
		assert.match(numberText(await tracker(run.dir), 'memory_gb'), /^\d+\.\d+$/);
		assert.match(String(doc.git_commit), /^[0-9a-f]{40}$/);
		const epochs = Number(doc.total_epochs);
		assert.ok(epochs >= 3 && epochs <= 20 && doc.current_epoch === epochs, `epochs ${epochs}`);
		assert.ok(String(doc.started_at) > String(doc.created_at) && String(doc.completed_at) > String(doc.started_at));
		assert.equal((await readJsonl(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'))).length, epochs);
	});

	it('completed runs record artifacts that exist, as workspace-relative paths', async () => {
		for (const run of fixture.demo.runs.filter((candidate) => candidate.kind === 'completed')) {
			const doc = plain(await tracker(run.dir));
			const lists = ['checkpoint_paths', 'metric_files', 'visualization_files'].map((key) => doc[key] as string[]);
			assert.deepEqual(lists.map((list) => list.length), [2, 1, 1], run.name);
			assert.deepEqual(doc.artifact_ids, ['checkpoint_last', 'model_best', 'complete_summary', 'training_curves']);
			for (const stored of lists.flat()) {
				assert.ok(stored.startsWith(`artifacts/experiments/${run.id}/`), stored);
				assert.ok((await stat(path.join(fixture.demo.workspace, stored))).size > 0, stored);
			}
		}
	});

	it('the two completed runs differ in config and tags, and swinv2_hybrid reaches the better IoU', async () => {
		const unet = runOf(fixture.demo, 'completed', 'unet_baseline');
		const swin = runOf(fixture.demo, 'completed', 'swinv2_hybrid');
		const [unetDoc, swinDoc] = [plain(await tracker(unet.dir)), plain(await tracker(swin.dir))];
		assert.notDeepEqual(swinDoc.tags, unetDoc.tags);
		assert.notEqual(swinDoc.config_hash, unetDoc.config_hash);
		const model = async (dir: string) => (plain(await readObject(path.join(dir, 'config.json'))).model as Record<string, unknown>)._target_;
		assert.notEqual(await model(swin.dir), await model(unet.dir));
		const iou = (doc: Record<string, unknown>) => (doc.best_metrics as Record<string, number>).val_iou;
		assert.ok(iou(swinDoc) > iou(unetDoc), `${iou(swinDoc)} > ${iou(unetDoc)}`);
	});

	it('completed runs have MetricsManager summaries that agree with the jsonl', async () => {
		const run = runOf(fixture.demo, 'completed', 'unet_baseline');
		const lines = await readJsonl(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'));
		assert.deepEqual([...lines[0]!.keys()], ['timestamp', 'epoch', 'step', 'phase', 'metrics']);
		assert.deepEqual([...(lines[0]!.get('metrics') as JsonObject).keys()], ['val_loss', 'val_iou', 'val_dice', 'val_precision', 'val_recall', 'val_f1', 'val_accuracy']);
		const summary = plain(await readObject(path.join(run.dir, 'metrics', 'summary.json')));
		assert.deepEqual(Object.keys(summary), ['experiment_start', 'total_epochs', 'best_metrics', 'metric_history']);
		const history = summary.metric_history as Array<{ epoch: number; val_metrics: Record<string, number>; learning_rate: number }>;
		assert.deepEqual(history.map((entry) => entry.epoch), lines.map((line) => Number(toPlain(line.get('epoch')!))));
		assert.equal(history[0]!.val_metrics.iou, toPlain((lines[0]!.get('metrics') as JsonObject).get('val_iou')!));
		assert.ok(history.at(-1)!.learning_rate < history[0]!.learning_rate, 'the learning rate decays');
		assert.ok(history.at(-1)!.val_metrics.iou > history[0]!.val_metrics.iou, 'IoU rises');
		const complete = plain(await readObject(path.join(run.dir, 'metrics', 'complete_summary.json')));
		assert.deepEqual(Object.keys(complete), ['experiment_info', 'best_metrics', 'epoch_summaries', 'available_metrics']);
		assert.deepEqual(complete.epoch_summaries, history);
	});

	it('high_lr_experiment failed and diverged: bare NaN metrics, NaN best IoU, the error in its description', async () => {
		const run = runOf(fixture.demo, 'failed', 'high_lr_experiment');
		const doc = await tracker(run.dir);
		assert.equal(doc.get('status'), 'failed');
		assert.ok(String(doc.get('description')).endsWith('\nError: RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB'));
		assert.deepEqual(doc.get('tags'), ['lr-sweep']);
		const best = doc.get('best_metrics') as JsonObject;
		assert.equal((best.get('val_iou') as JsonNumber).text, 'NaN');
		assert.ok(Number.isFinite((best.get('val_loss') as JsonNumber).value));
		const jsonl = await readFile(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'), 'utf8');
		const lines = jsonl.trimEnd().split('\n');
		assert.doesNotMatch(lines[0]!, /NaN/);
		assert.match(lines.at(-1)!, /"val_loss": NaN, "val_iou": NaN/);
		const info = plain(await readObject(path.join(run.dir, 'experiment_info.json')));
		assert.equal(info.status, 'failed');
		assert.deepEqual(JSON.parse(String(info.metadata)), { error: 'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB' });
	});

	it('low_lr_experiment was aborted at epoch 1 of 10', async () => {
		const doc = plain(await tracker(runOf(fixture.demo, 'aborted', 'low_lr_experiment').dir));
		assert.deepEqual([doc.status, doc.current_epoch, doc.total_epochs], ['aborted', 1, 10]);
		assert.ok(String(doc.started_at) !== '' && String(doc.completed_at) !== '');
	});

	it('the created-only run has a 0-byte tracker and the torn one a cut-off tracker', async () => {
		assert.equal((await stat(path.join(runOf(fixture.demo, 'createdOnly').dir, 'experiment_tracker.json'))).size, 0);
		const torn = runOf(fixture.demo, 'corruptTracker');
		const text = await readFile(path.join(torn.dir, 'experiment_tracker.json'), 'utf8');
		assert.ok(text.startsWith(`{\n  "experiment_id": "${torn.id}",\n`));
		assert.equal(parseLenient(text).ok, false);
		assert.ok((await readJsonl(path.join(torn.dir, 'metrics', 'validation_metrics.jsonl'))).length > 0);
	});

	it('the Trainer-only run has no tracker, says "created", and its training_config.yaml holds the epochs', async () => {
		const run = runOf(fixture.demo, 'trainerOnly');
		await assert.rejects(stat(path.join(run.dir, 'experiment_tracker.json')));
		assert.equal(plain(await readObject(path.join(run.dir, 'experiment_info.json'))).status, 'created');
		const yaml = await readFile(path.join(run.dir, 'configurations', run.id, 'training_config.yaml'), 'utf8');
		assert.match(yaml, /^training:\n {2}epochs: \d+\n/);
		const lines = await readJsonl(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'));
		assert.equal(trainingEpochsFromYaml(yaml), lines.length);
		assert.ok(isJsonObject((await readObject(path.join(run.dir, 'metrics', 'complete_summary.json'))).get('experiment_info')));
	});

	it('the crashed main.py run says "completed" though its metrics stop mid-way', async () => {
		const run = runOf(fixture.demo, 'crashedMain');
		await assert.rejects(stat(path.join(run.dir, 'experiment_tracker.json')));
		assert.equal(plain(await readObject(path.join(run.dir, 'experiment_info.json'))).status, 'completed');
		const planned = (plain(await readObject(path.join(run.dir, 'config.json'))).training as { epochs: number }).epochs;
		const done = (await readJsonl(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'))).length;
		assert.ok(done > 0 && done < planned, `${done} of ${planned}`);
		await assert.rejects(stat(path.join(run.dir, 'metrics', 'complete_summary.json')));
		assert.match(await readFile(path.join(run.dir, 'error_log.txt'), 'utf8'), /Error occurred: RuntimeError/);
	});

	it('the live run is running, started, with a couple of epochs done of 10–20', async () => {
		const run = runOf(fixture.demo, 'running', 'focal_loss_experiment');
		const doc = await tracker(run.dir);
		const total = doc.get('total_epochs');
		assert.ok(isJsonNumber(total) && total.value >= 10 && total.value <= 20);
		assert.deepEqual([doc.get('status'), numberText(doc, 'current_epoch'), doc.get('completed_at')], ['running', '2', '']);
		assert.notEqual(doc.get('started_at'), '');
		assert.equal((await readJsonl(path.join(run.dir, 'metrics', 'validation_metrics.jsonl'))).length, 2);
	});
});
