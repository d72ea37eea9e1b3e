import * as assert from 'node:assert/strict';
import { curveProfileFor, epochMetrics, type EpochMetrics, validationMetricNames } from '../../../../src/core/demo/demoMetrics';
import { MetricsSummary, validationLine } from '../../../../src/core/demo/metricsSummary';
import { parseTrainerArguments } from '../../../../src/core/demo/trainerArguments';
import { trainerArguments } from '../../../../src/core/demo/startTrainer';
import { toPlain } from '../../../../src/core/json/plain';
import { parseLenient } from '../../../../src/core/json/lenientParse';

function metrics(epoch: number, loss: number, iou: number): EpochMetrics {
	return { epoch, trainLoss: loss * 0.9, val: new Map([['loss', loss], ['iou', iou]]) as EpochMetrics['val'], learningRate: 0.001 };
}

const times = () => {
	let tick = 0;
	return () => `2026-12-04T15:29:${String(10 + tick++).padStart(2, '0')}.100000`;
};

const summaryOf = (summary: MetricsSummary) => {
	const parsed = parseLenient(summary.summaryText());
	assert.ok(parsed.ok);
	return toPlain(parsed.value) as { total_epochs: number; best_metrics: Record<string, { value: number; epoch: number }>; metric_history: unknown[] };
};

describe('MetricsManager emulation', () => {
	it('writes a validation line exactly as json.dumps does, floats as floats and NaN bare', () => {
		const line = validationLine(metrics(3, 0.5, Number.NaN), '2026-12-04T15:29:27.170404');
		assert.equal(line, '{"timestamp": "2026-12-04T15:29:27.170404", "epoch": 3, "step": 0, "phase": "val", "metrics": {"val_loss": 0.5, "val_iou": NaN}}\n');
		assert.match(validationLine(metrics(1, 1, 0), 'x'), /"val_loss": 1\.0, "val_iou": 0\.0/);
	});

	it('keeps the best value per metric: lower loss, higher IoU; a later NaN never wins, a first NaN stays', () => {
		const summary = new MetricsSummary('2026-12-04T15:29:00.000001');
		const now = times();
		summary.addEpoch(metrics(1, 0.6, Number.NaN), now);
		summary.addEpoch(metrics(2, 0.4, 0.3), now);
		summary.addEpoch(metrics(3, Number.NaN, 0.2), now);
		const written = summaryOf(summary);
		assert.equal(written.total_epochs, 3);
		assert.deepEqual([written.best_metrics.loss!.value, written.best_metrics.loss!.epoch], [0.4, 2]);
		assert.ok(Number.isNaN(written.best_metrics.iou!.value), 'NaN was the first IoU and nothing beats it');
		assert.equal(written.metric_history.length, 3);
	});

	it('resumes from its own summary.json, dropping epochs from the restart point on', () => {
		const summary = new MetricsSummary('2026-12-04T15:29:00.000001');
		const now = times();
		for (let epoch = 1; epoch <= 4; epoch++) {
			summary.addEpoch(metrics(epoch, 0.7 - epoch / 10, epoch / 10), now);
		}
		assert.equal(MetricsSummary.resume(summary.summaryText(), 99)!.summaryText(), summary.summaryText());
		const resumed = MetricsSummary.resume(summary.summaryText(), 3)!;
		assert.equal(resumed.epochCount, 2);
		assert.equal(MetricsSummary.resume('{"not": "a summary"}', 1), undefined);
		assert.equal(MetricsSummary.resume('{"experiment_start": "x", "metric', 1), undefined);
	});

	it('writes complete_summary.json with the available validation metric names', () => {
		const summary = new MetricsSummary('2026-12-04T15:29:00.000001');
		summary.addEpoch(metrics(1, 0.6, 0.2), times());
		const parsed = parseLenient(summary.completeSummaryText('artifacts/experiments/x'));
		assert.ok(parsed.ok);
		const complete = toPlain(parsed.value) as Record<string, unknown>;
		assert.deepEqual(complete.experiment_info, { directory: 'artifacts/experiments/x', start_time: '2026-12-04T15:29:00.000001', total_epochs: 1 });
		assert.deepEqual(complete.available_metrics, { train: [], val: ['val_loss', 'val_iou'], test: [] });
	});
});

describe('demo training curves', () => {
	it('are reproducible, improve over the run and decay the learning rate', () => {
		const profile = curveProfileFor('unet_baseline', 12);
		assert.deepEqual(epochMetrics(profile, 5), epochMetrics(profile, 5));
		const [first, last] = [epochMetrics(profile, 1), epochMetrics(profile, 12)];
		assert.deepEqual([...first.val.keys()], [...validationMetricNames]);
		assert.ok(last.val.get('loss')! < first.val.get('loss')!);
		assert.ok(last.val.get('iou')! > first.val.get('iou')!);
		assert.ok(last.learningRate < first.learningRate);
		assert.equal(Math.fround(first.val.get('iou')!), first.val.get('iou'), 'values are float32, as tensor.item() gives');
	});

	it('turn to NaN after the divergence point of high_lr_experiment', () => {
		const profile = curveProfileFor('high_lr_experiment', 10);
		assert.ok(Number.isFinite(epochMetrics(profile, 3).val.get('loss')!));
		assert.ok([...epochMetrics(profile, 4).val.values()].every(Number.isNaN));
	});
});

describe('trainer command line', () => {
	it('round-trips the options startTrainer passes', () => {
		const args = parseTrainerArguments(trainerArguments('/runs/x', { intervalMs: 50, epochs: 5, startEpoch: 2, failAt: 4, writePauseMs: 0 }));
		assert.deepEqual(args, { runDir: '/runs/x', intervalMs: 50, epochs: 5, startEpoch: 2, failAt: 4, writePauseMs: 0 });
		assert.deepEqual(parseTrainerArguments(['/runs/x']), { runDir: '/runs/x', intervalMs: 1000, epochs: undefined, startEpoch: undefined, failAt: undefined, writePauseMs: 5 });
	});

	it('explains a bad command line', () => {
		assert.match(String(parseTrainerArguments([])), /usage/);
		assert.match(String(parseTrainerArguments(['/runs/x', '--epochs', '0'])), /--epochs must be a whole number of at least 1/);
		assert.match(String(parseTrainerArguments(['/runs/x', '--nope'])), /usage/);
	});
});
