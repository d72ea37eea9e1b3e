import * as assert from 'node:assert/strict';
import { parseJsonText } from '../../../../src/core/metrics/jsonText';
import { parseJsonlRecords, parseMetricsDocument } from '../../../../src/core/metrics/metricsSources';
import { type MetricsSourceData } from '../../../../src/core/metrics/metricsModel';
import { epochSummary, pyDumps, type PyValue, validationLine } from './pythonFixtures';

const file = '/runs/r/metrics/x';

function jsonl(name: string, text: string): MetricsSourceData {
	const records = text.split('\n').filter((line) => line !== '').map((line) => {
		const parsed = parseJsonText(line);
		assert.ok(parsed.ok);
		return parsed.value;
	});
	return parseJsonlRecords(name, records, records.map((_, index) => index + 1), file);
}

function document(name: string, value: PyValue): MetricsSourceData {
	const parsed = parseJsonText(pyDumps(value, 2));
	assert.ok(parsed.ok);
	const data = parseMetricsDocument(name, parsed.value, file);
	assert.ok(data);
	return data;
}

const values = (data: MetricsSourceData): string[] => data.epochValues.map(({ key, epoch, value }) => `${key}@${epoch}=${value}`);

describe('metrics source parsers', () => {
	it('validation_metrics.jsonl: val_* values per epoch, completion times, NaN of a diverged epoch', () => {
		const data = jsonl('validation_metrics.jsonl', validationLine(1, { val_loss: 0.54, val_iou: 0.42 }) + validationLine(2, { val_loss: Number.NaN, val_iou: 0.5 }));
		assert.deepEqual(values(data), ['val_loss@1=0.54', 'val_iou@1=0.42', 'val_loss@2=NaN', 'val_iou@2=0.5']);
		assert.equal(data.epochValues[0].family, 'loss');
		assert.equal(data.lastCompleteEpoch, 2);
		assert.deepEqual(data.epochTimes.map((time) => time.epoch), [1, 2]);
		assert.deepEqual(data.problems, []);
	});

	it('training_ and test_metrics.jsonl: same line shape, no epoch completion', () => {
		const train = jsonl('training_metrics.jsonl', `${pyDumps({ timestamp: 't', epoch: 3, step: 10, phase: 'train', metrics: { loss: 0.7 } })}\n`);
		assert.deepEqual(values(train), ['train_loss@3=0.7']);
		assert.equal(train.lastCompleteEpoch, undefined);
		const test = jsonl('test_metrics.jsonl', `${pyDumps({ timestamp: 't', epoch: 3, step: 0, phase: 'test', metrics: { test_f1: 0.6 } })}\n`);
		assert.deepEqual(values(test), ['test_f1@3=0.6']);
	});

	it('summary.json: history with stripped val_ names, train loss, learning rate (null skipped), best metrics', () => {
		const data = document('summary.json', {
			experiment_start: '2026-12-04T15:29:27.148886', total_epochs: 2,
			best_metrics: { loss: { value: 0.38, epoch: 2, timestamp: 't' }, iou: { value: 0.66, epoch: 2, timestamp: 't' } },
			metric_history: [epochSummary(1, 0.51, { loss: 0.54, iou: 0.42 }), epochSummary(2, 0.45, { loss: 0.38, iou: 0.66 }, null)],
		});
		assert.deepEqual(values(data), ['train_loss@1=0.51', 'val_loss@1=0.54', 'val_iou@1=0.42', 'learning_rate@1=0.001', 'train_loss@2=0.45', 'val_loss@2=0.38', 'val_iou@2=0.66']);
		assert.deepEqual(data.bestMetrics, { val_loss: { value: 0.38, epoch: 2 }, val_iou: { value: 0.66, epoch: 2 } });
		assert.equal(data.startedAt, '2026-12-04T15:29:27.148886');
		assert.equal(data.lastCompleteEpoch, 2);
		assert.equal(data.totalEpochs, undefined, 'total_epochs counts epochs logged, not the plan');
		assert.equal(data.finished, false);
	});

	it('complete_summary.json from MetricsManager: finished, epochs run, start time, epoch summaries', () => {
		const data = document('complete_summary.json', {
			experiment_info: { directory: 'artifacts/experiments/x', start_time: '2026-12-04T15:29:27', total_epochs: 3 },
			best_metrics: { iou: { value: Number.NaN, epoch: 1, timestamp: 't' } },
			epoch_summaries: [epochSummary(3, 0.4, { iou: 0.7 })],
			available_metrics: { train: [], val: ['val_iou'], test: [] },
		});
		assert.equal(data.kind, 'managerCompleteSummary');
		assert.equal(data.finished, true);
		assert.equal(data.totalEpochs, 3);
		assert.equal(data.startedAt, '2026-12-04T15:29:27');
		assert.ok(Number.isNaN(data.bestMetrics.val_iou.value));
		assert.deepEqual(values(data), ['train_loss@3=0.4', 'val_iou@3=0.7', 'learning_rate@3=0.001']);
	});

	it('complete_summary.json from experiment_saver: finished, configured epochs, final metrics', () => {
		const data = document('complete_summary.json', {
			experiment_name: 'swinv2', project_name: 'crackseg', model_type: 'm', dataset: 'unknown', training_epochs: 50, batch_size: 4, learning_rate: 0.0001,
			final_metrics: { val_iou: 0.61, val_loss: 0.3 }, best_epoch: 41, total_training_time: 3600.5, timestamp: '2026-12-04T16:00:00',
			hardware_info: { device: 'cuda', cuda_available: true, gpu_name: 'RTX' },
		});
		assert.equal(data.kind, 'saverCompleteSummary');
		assert.equal(data.finished, true);
		assert.equal(data.totalEpochs, 50);
		assert.deepEqual(data.finalMetrics, { val_iou: 0.61, val_loss: 0.3 });
	});

	it('complete_summary.json of neither writer: one invalidField problem, not finished', () => {
		const data = document('complete_summary.json', { best_iou: 0.5, final_loss: 0.2 });
		assert.deepEqual(data.problems.map((item) => item.kind), ['invalidField']);
		assert.equal(data.finished, false);
	});

	it('metrics.jsonl from ExperimentLogger: epoch scalars, batch losses on their own step axis, non-numbers dropped', () => {
		const lines: PyValue[] = [
			{ name: 'train_batch/batch_loss', value: 0.9, step: 17, timestamp: 't' },
			{ name: 'train/epoch_loss', value: 0.6, step: 1, timestamp: 't' },
			{ name: 'val_iou', value: 0.4, step: 1, timestamp: '2026-12-04T15:30:00' },
			{ name: 'lr', value: 0.001, step: 1, timestamp: 't' },
			{ name: 'note', value: { a: 1 }, timestamp: 't', stage: 'end' },
			{ name: 'final_iou', value: 0.45, timestamp: 't' },
			{ name: 'val_loss', value: 'oops', step: 1, timestamp: 't' },
		];
		const data = jsonl('metrics.jsonl', lines.map((line) => `${pyDumps(line)}\n`).join(''));
		assert.equal(data.kind, 'scalarLog');
		assert.deepEqual(values(data), ['train_loss@1=0.6', 'val_iou@1=0.4', 'learning_rate@1=0.001']);
		assert.deepEqual(data.stepValues, [{ key: 'train_batch_loss', family: 'batch_loss', phase: 'train', step: 17, value: 0.9 }]);
		assert.deepEqual(data.finalMetrics, { final_iou: 0.45 });
		assert.deepEqual(data.epochTimes, [{ epoch: 1, timestamp: '2026-12-04T15:30:00' }]);
		assert.deepEqual(data.problems, []);
	});

	it('metrics.jsonl from experiment_saver: per-epoch rows, zero-filled epochs skipped, no epoch times', () => {
		const row = (epoch: number, loss: number, iou: number): PyValue => ({ epoch, train_loss: loss, val_loss: loss, val_iou: iou, val_f1: iou, val_precision: iou, val_recall: iou, val_dice: iou, val_accuracy: iou, timestamp: '2026-12-04T16:00:00' });
		const data = jsonl('metrics.jsonl', [row(1, 0.5, 0.4), row(2, 0.4, 0.5), row(3, 0, 0)].map((line) => `${pyDumps(line)}\n`).join(''));
		assert.equal(data.kind, 'saverEpochRows');
		assert.deepEqual([...new Set(data.epochValues.map((value) => value.epoch))], [1, 2]);
		assert.equal(data.epochValues.filter((value) => value.epoch === 1).length, 8);
		assert.equal(data.lastCompleteEpoch, 2);
		assert.deepEqual(data.epochTimes, []);
	});

	it('metrics_summary.json and validation_metrics.json: final values and best validation at its epoch', () => {
		const summary = document('metrics_summary.json', { iou: 0.5, loss: 0.2, timestamp: 't', experiment_id: 'id' });
		assert.deepEqual(summary.finalMetrics, { iou: 0.5, loss: 0.2 });
		const validation = document('validation_metrics.json', { final_validation: { val_iou: 0.6 }, best_validation: { epoch: 4, iou: 0.7, loss: 0.25 } });
		assert.deepEqual(validation.finalMetrics, { val_iou: 0.6 });
		assert.deepEqual(validation.bestMetrics, { val_iou: { value: 0.7, epoch: 4 }, val_loss: { value: 0.25, epoch: 4 } });
	});

	it('unknown shapes give grouped invalidField problems with where they were, never a crash', () => {
		const data = jsonl('validation_metrics.jsonl', `[1, 2]\n{"epoch": "one", "metrics": {}}\n${validationLine(3, { val_iou: 0.3 })}"text"\n`);
		assert.deepEqual(values(data), ['val_iou@3=0.3']);
		assert.equal(data.problems.length, 1);
		assert.match(data.problems[0].message, /3 times, first at line 1/);
		for (const [name, value] of [['summary.json', [1]], ['summary.json', { metric_history: 5 }], ['validation_metrics.json', 'x'], ['metrics_summary.json', null]] as Array<[string, PyValue]>) {
			assert.deepEqual(document(name, value).problems.map((item) => item.kind), ['invalidField'], `${name} ${JSON.stringify(value)}`);
		}
		assert.deepEqual(jsonl('metrics.jsonl', '{"foo": 1}\n').problems.map((item) => item.kind), ['invalidField']);
	});
});
