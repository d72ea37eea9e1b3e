import * as assert from 'node:assert/strict';
import type { ChartModel } from '../../../src/shared/panelData';
import { bestPoint, describeChart } from '../../../src/webview/chart/chartSummary';

const iou: ChartModel = {
	id: 'iou',
	title: 'IoU',
	lowerIsBetter: false,
	series: [{ key: 'val_iou', label: 'val', phase: 'val', points: Array.from({ length: 12 }, (_, index) => [index + 1, index === 8 ? 0.66 : 0.5 + index / 100] as const) }],
};

const loss: ChartModel = {
	id: 'loss',
	title: 'Loss',
	lowerIsBetter: true,
	series: [
		{ key: 'train_loss', label: 'train', phase: 'train', points: [[1, 0.5], [2, 0.2], [3, 0.1]] },
		{ key: 'val_loss', label: 'val', phase: 'val', points: [[1, 0.6], [2, 0.31], [3, NaN]] },
	],
};

describe('chart summary', () => {
	it('finds the best value of the validation series, lowest or highest as the metric wants', () => {
		assert.deepEqual(bestPoint(iou), { seriesKey: 'val_iou', seriesLabel: 'val', epoch: 9, value: 0.66 });
		assert.deepEqual(bestPoint(loss), { seriesKey: 'val_loss', seriesLabel: 'val', epoch: 2, value: 0.31 });
	});

	it('falls back to test then train when there is no finite validation value, never to other', () => {
		const trainOnly: ChartModel = { ...loss, series: [loss.series[0], { ...loss.series[1], points: [[1, NaN]] }] };
		assert.equal(bestPoint(trainOnly)?.seriesKey, 'train_loss');
		const learningRate: ChartModel = { id: 'lr', title: 'Learning rate', lowerIsBetter: true, series: [{ key: 'lr', label: 'lr', phase: 'other', points: [[1, 0.01]] }] };
		assert.equal(bestPoint(learningRate), undefined);
	});

	it('takes the earliest epoch when the best value repeats', () => {
		const flat: ChartModel = { ...iou, series: [{ ...iou.series[0], points: [[1, 0.7], [2, 0.7], [3, 0.6]] }] };
		assert.equal(bestPoint(flat)?.epoch, 1);
	});

	it('describes a chart in one sentence for screen readers', () => {
		assert.equal(describeChart(iou), 'val_iou over 12 epochs, best 0.66 at epoch 9');
		assert.equal(describeChart(loss), 'train_loss and val_loss over 3 epochs, best val_loss 0.31 at epoch 2, 1 NaN value shown as gaps');
		assert.equal(describeChart({ ...loss, series: [] }), 'Loss: no values yet');
	});
});
