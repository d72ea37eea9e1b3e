import * as assert from 'node:assert/strict';
import { utimes } from 'node:fs/promises';
import { readMetricsProgress } from '../../../../src/core/metrics/metricsProgress';
import { epochSummary, pyDumps, TempRun, validationLine } from './pythonFixtures';

describe('readMetricsProgress', () => {
	let run: TempRun;
	beforeEach(async () => {
		run = await TempRun.create();
	});
	afterEach(async () => {
		await run.dispose();
	});

	const summary = (epochs: number, start = '2026-12-04T15:29:27.148886'): string => pyDumps({
		experiment_start: start, total_epochs: epochs, best_metrics: {},
		metric_history: Array.from({ length: epochs }, (_, index) => epochSummary(index + 1, 0.5, { loss: 0.4, iou: 0.5 })),
	}, 2);

	it('summarizes a running run from the log tail and the summary head', async () => {
		const lines = Array.from({ length: 8 }, (_, index) => validationLine(index + 1, { val_loss: 1 / (index + 1), val_iou: index / 10 }));
		await run.write('metrics/validation_metrics.jsonl', lines.join(''));
		await run.write('metrics/summary.json', summary(8));
		const progress = await readMetricsProgress(run.dir);
		assert.equal(progress.currentEpoch, 8);
		assert.equal(progress.totalEpochs, undefined);
		assert.equal(progress.finished, false);
		assert.equal(progress.startedAt, '2026-12-04T15:29:27.148886');
		assert.deepEqual(progress.recentEpochTimes.map((time) => time.epoch), [4, 5, 6, 7, 8]);
		assert.equal(progress.lastEpochAt, '2026-12-04T15:29:28.170404');
		assert.deepEqual(progress.latest, { val_loss: 0.125, val_iou: 0.7 });
		assert.deepEqual(progress.problems, []);
	});

	it('reads only the summary head when it holds the keys: a corrupt history further on is not seen', async () => {
		const text = summary(60);
		await run.write('metrics/summary.json', `${text.slice(0, 4000)}<<torn>>`);
		const progress = await readMetricsProgress(run.dir);
		assert.equal(progress.currentEpoch, 60);
		assert.equal(progress.startedAt, '2026-12-04T15:29:27.148886');
		assert.deepEqual(progress.problems, []);
	});

	it('falls back to a full parse when the head does not hold the keys', async () => {
		const padded = pyDumps({ padding: 'x'.repeat(5000), experiment_start: 'late', total_epochs: 4, best_metrics: {}, metric_history: [] }, 2);
		await run.write('metrics/summary.json', padded);
		const progress = await readMetricsProgress(run.dir);
		assert.equal(progress.currentEpoch, 4);
		assert.equal(progress.startedAt, 'late');
	});

	it('summarizes a finished MetricsManager run, with total epochs from complete_summary.json', async () => {
		await run.write('metrics/validation_metrics.jsonl', validationLine(1, { val_iou: 0.4 }) + validationLine(2, { val_iou: 0.5 }));
		await run.write('metrics/complete_summary.json', pyDumps({
			experiment_info: { directory: `artifacts/experiments/${'deep/'.repeat(500)}`, start_time: '2026-12-04T15:29:27', total_epochs: 2 },
			best_metrics: {}, epoch_summaries: [epochSummary(1, 0.5, { iou: 0.4 })], available_metrics: { train: [], val: ['val_iou'], test: [] },
		}, 2));
		const progress = await readMetricsProgress(run.dir);
		assert.equal(progress.finished, true);
		assert.equal(progress.totalEpochs, 2);
		assert.equal(progress.currentEpoch, 2);
		assert.equal(progress.startedAt, '2026-12-04T15:29:27');
	});

	it('summarizes a finished experiment_saver run from metrics.jsonl and its complete_summary.json', async () => {
		await run.write('metrics/metrics.jsonl', [1, 2, 3].map((epoch) => `${pyDumps({ epoch, train_loss: epoch === 3 ? 0 : 0.5, val_loss: epoch === 3 ? 0 : 0.4, val_iou: epoch === 3 ? 0 : epoch / 10, timestamp: 't' })}\n`).join(''));
		await run.write('metrics/complete_summary.json', pyDumps({ experiment_name: 'e', project_name: 'p', model_type: 'm', dataset: 'd', training_epochs: 3, final_metrics: {}, best_epoch: 2 }, 2));
		const progress = await readMetricsProgress(run.dir);
		assert.equal(progress.finished, true);
		assert.equal(progress.totalEpochs, 3);
		assert.equal(progress.currentEpoch, 2);
		assert.deepEqual(progress.latest, { train_loss: 0.5, val_loss: 0.4, val_iou: 0.2 });
		assert.deepEqual(progress.recentEpochTimes, []);
	});

	it('reports the newest mtime among the files read', async () => {
		const log = await run.write('metrics/validation_metrics.jsonl', validationLine(1, { val_iou: 0.4 }));
		const head = await run.write('metrics/summary.json', summary(1));
		await utimes(log, new Date(1_000_000_000), new Date(1_000_000_000));
		await utimes(head, new Date(2_000_000_000), new Date(2_000_000_000));
		assert.equal((await readMetricsProgress(run.dir)).newestMtimeMs, 2_000_000_000);
	});

	it('gives an empty, unfinished progress when there is no metrics folder', async () => {
		assert.deepEqual(await readMetricsProgress(run.dir), { finished: false, recentEpochTimes: [], latest: {}, newestMtimeMs: 0, problems: [] });
	});
});
