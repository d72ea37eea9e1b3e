import * as assert from 'node:assert/strict';
import { readRunMetrics } from '../../../../src/core/metrics/runMetrics';
import { type RunMetrics } from '../../../../src/core/metrics/metricsHistory';
import { epochSummary, pyDumps, TempRun, validationLine } from './pythonFixtures';

const points = (metrics: RunMetrics, key: string): string[] => (metrics.series.find((series) => series.key === key)?.points ?? []).map(({ epoch, value }) => `${epoch}:${value}`);

describe('readRunMetrics', () => {
	let run: TempRun;
	beforeEach(async () => {
		run = await TempRun.create();
	});
	afterEach(async () => {
		await run.dispose();
	});

	async function writeRunning(epochs: number): Promise<void> {
		const val = (epoch: number): Record<string, number> => ({ val_loss: 0.6 - epoch / 10, val_iou: 0.3 + epoch / 10 });
		await run.write('metrics/validation_metrics.jsonl', Array.from({ length: epochs }, (_, index) => validationLine(index + 1, val(index + 1))).join(''));
		await run.write('metrics/summary.json', pyDumps({
			experiment_start: '2026-12-04T15:29:27.148886', total_epochs: epochs,
			best_metrics: { loss: { value: 0.6 - epochs / 10, epoch: epochs, timestamp: 't' } },
			metric_history: Array.from({ length: epochs }, (_, index) => epochSummary(index + 1, 0.7 - index / 10, { loss: 0.6 - (index + 1) / 10, iou: 0.3 + (index + 1) / 10 })),
		}, 2));
	}

	it('gives a running run: curves per family and phase, current epoch, start and epoch times, not finished', async () => {
		await writeRunning(3);
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(metrics.series.map((series) => `${series.family}/${series.phase}/${series.key}`), ['iou/val/val_iou', 'learning_rate/other/learning_rate', 'loss/train/train_loss', 'loss/val/val_loss']);
		assert.deepEqual(points(metrics, 'train_loss'), ['1:0.7', '2:0.6', '3:0.49999999999999994']);
		assert.equal(metrics.currentEpoch, 3);
		assert.equal(metrics.totalEpochs, undefined);
		assert.equal(metrics.finished, false);
		assert.equal(metrics.startedAt, '2026-12-04T15:29:27.148886');
		assert.deepEqual(metrics.epochTimes, [1, 2, 3].map((epoch) => ({ epoch, timestamp: `2026-12-04T15:29:2${epoch}.170404` })));
		assert.deepEqual(metrics.sources.map((file) => file.slice(run.dir.length)).sort(), ['/metrics/summary.json', '/metrics/validation_metrics.jsonl']);
		assert.deepEqual(metrics.problems, []);
	});

	it('marks a run finished with its epoch count once MetricsManager writes complete_summary.json', async () => {
		await writeRunning(2);
		await run.write('metrics/complete_summary.json', pyDumps({ experiment_info: { directory: run.dir, start_time: 'x', total_epochs: 2 }, best_metrics: {}, epoch_summaries: [], available_metrics: { train: [], val: [], test: [] } }, 2));
		const metrics = await readRunMetrics(run.dir);
		assert.equal(metrics.finished, true);
		assert.equal(metrics.totalEpochs, 2);
		assert.equal(metrics.startedAt, '2026-12-04T15:29:27.148886', 'summary.json start wins');
	});

	it('prefers the per-epoch log over summary.json, and the later line of a resumed run', async () => {
		await run.write('metrics/validation_metrics.jsonl', validationLine(1, { val_iou: 0.4 }) + validationLine(2, { val_iou: 0.5 }) + validationLine(2, { val_iou: 0.55 }, '2026-12-04T18:00:00'));
		await run.write('metrics/summary.json', pyDumps({ experiment_start: 's', total_epochs: 3, best_metrics: {}, metric_history: [epochSummary(2, 0.4, { iou: 0.49 }), epochSummary(3, 0.3, { iou: 0.6 })] }, 2));
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(points(metrics, 'val_iou'), ['1:0.4', '2:0.55', '3:0.6']);
		assert.deepEqual(metrics.epochTimes.map((time) => time.timestamp), ['2026-12-04T15:29:21.170404', '2026-12-04T18:00:00', '2026-12-04T15:29:23.180000']);
		assert.equal(metrics.currentEpoch, 3);
	});

	it('prefers ExperimentLogger scalars over experiment_saver rows, and takes the saver\'s epoch count', async () => {
		await run.write('metrics/metrics.jsonl', `${pyDumps({ epoch: 1, train_loss: 0.5, val_iou: 0.3, timestamp: 't' })}\n${pyDumps({ epoch: 2, train_loss: 0, val_iou: 0, timestamp: 't' })}\n`);
		await run.write('metrics/complete_summary.json', pyDumps({ experiment_name: 'e', training_epochs: 2, final_metrics: { val_iou: 0.3 }, best_epoch: 1 }, 2));
		let metrics = await readRunMetrics(run.dir);
		assert.deepEqual(points(metrics, 'val_iou'), ['1:0.3']);
		assert.equal(metrics.totalEpochs, 2);
		assert.equal(metrics.finished, true);
		assert.deepEqual(metrics.finalMetrics, { val_iou: 0.3 });
		await run.write('metrics/metrics.jsonl', `${pyDumps({ name: 'val_iou', value: 0.31, step: 1, timestamp: 't' })}\n`);
		await run.write('metrics/validation_metrics.json', pyDumps({ final_validation: { val_iou: 0.3 }, best_validation: { epoch: 1, iou: 0.3 } }, 2));
		metrics = await readRunMetrics(run.dir);
		assert.deepEqual(points(metrics, 'val_iou'), ['1:0.31']);
		assert.deepEqual(metrics.bestMetrics.val_iou, { value: 0.3, epoch: 1 }, 'a recorded best is kept as written');
	});

	it('computes best values where none is recorded: NaN never best, loss lower is better, first epoch wins a tie', async () => {
		await run.write('metrics/validation_metrics.jsonl', [
			validationLine(1, { val_loss: 0.5, val_iou: Number.NaN }),
			validationLine(2, { val_loss: Number.NaN, val_iou: 0.4 }),
			validationLine(3, { val_loss: 0.3, val_iou: 0.6 }),
			validationLine(4, { val_loss: 0.3, val_iou: Number.NaN }),
		].join(''));
		await run.write('metrics/summary.json', pyDumps({ experiment_start: 's', total_epochs: 4, best_metrics: { iou: { value: Number.NaN, epoch: 1, timestamp: 't' } }, metric_history: [] }, 2));
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(metrics.bestMetrics, { val_iou: { value: 0.6, epoch: 3 }, val_loss: { value: 0.3, epoch: 3 } });
		assert.ok(Number.isNaN(metrics.series.find((series) => series.key === 'val_iou')?.points[0].value));
	});

	it('keeps batch losses off the epoch axis, as a step series', async () => {
		await run.write('metrics/metrics.jsonl', [10, 20, 30].map((step) => `${pyDumps({ name: 'train_batch/batch_loss', value: 1 / step, step, timestamp: 't' })}\n`).join(''));
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(metrics.series, []);
		assert.deepEqual(metrics.stepSeries.map((series) => [series.key, series.points.map((point) => point.step)]), [['train_batch_loss', [10, 20, 30]]]);
	});

	it('keeps going past a corrupt summary.json and corrupt lines, reporting each', async () => {
		await run.write('metrics/validation_metrics.jsonl', `${validationLine(1, { val_iou: 0.4 })}{"epoch": 2, "met\n${validationLine(3, { val_iou: 0.6 })}`);
		await run.write('metrics/summary.json', '{"experiment_start": "s", "total_epochs": 3, "best_metr');
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(points(metrics, 'val_iou'), ['1:0.4', '3:0.6']);
		assert.deepEqual(metrics.problems.map((item) => item.kind).sort(), ['corrupt', 'corrupt']);
		assert.ok(metrics.problems.some((item) => /Line 2\b/.test(item.message)));
	});

	it('gives an empty result without problems when there is no metrics folder', async () => {
		const metrics = await readRunMetrics(run.dir);
		assert.deepEqual(metrics, { series: [], stepSeries: [], finished: false, epochTimes: [], bestMetrics: {}, finalMetrics: {}, sources: [], problems: [] });
	});
});
