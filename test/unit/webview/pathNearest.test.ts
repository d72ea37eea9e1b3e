import * as assert from 'node:assert/strict';
import type { ChartSeries } from '../../../src/shared/panelData';
import { epochUnion, exactIndex, nearestIndex, seriesEpochs, valueAtEpoch } from '../../../src/webview/chart/nearest';
import { pathData } from '../../../src/webview/chart/path';

describe('pathData', () => {
	it('draws one run as M then L, rounded to a tenth of a pixel', () => {
		assert.deepEqual(pathData([[0, 10], [5.04, 20.26], [10, 15]]), { line: 'M0 10L5 20.3L10 15', dots: '', vertices: 3 });
	});

	it('starts a new subpath after each gap, so nothing is drawn across it', () => {
		assert.equal(pathData([[0, 1], [1, 2], [2, NaN], [3, NaN], [4, 5], [5, 6]]).line, 'M0 1L1 2M4 5L5 6');
		assert.equal(pathData([[0, 1], [1, 2], [2, Infinity], [NaN, 3], [4, 5], [5, 6]]).line, 'M0 1L1 2M4 5L5 6');
	});

	it('puts a point alone between gaps into the dots, as a zero-length segment', () => {
		assert.deepEqual(pathData([[0, 1], [1, NaN], [2, 3], [3, NaN], [4, 4], [5, 5]]), { line: 'M4 4L5 5', dots: 'M0 1L0 1M2 3L2 3', vertices: 4 });
		assert.deepEqual(pathData([[7, 8]]), { line: '', dots: 'M7 8L7 8', vertices: 1 });
	});

	it('draws nothing for no points or only gaps', () => {
		assert.deepEqual(pathData([]), { line: '', dots: '', vertices: 0 });
		assert.deepEqual(pathData([[0, NaN], [1, NaN]]), { line: '', dots: '', vertices: 0 });
	});
});

describe('nearest-point search', () => {
	const sorted = [1, 2, 4, 8, 16];

	it('finds the nearest value, the lower one on a tie, clamped at the ends', () => {
		assert.equal(nearestIndex(sorted, 3.1), 2);
		assert.equal(nearestIndex(sorted, 3), 1);
		assert.equal(nearestIndex(sorted, 12.5), 4);
		assert.equal(nearestIndex(sorted, -100), 0);
		assert.equal(nearestIndex(sorted, 1e9), 4);
		assert.equal(nearestIndex([], 3), -1);
		assert.equal(nearestIndex(sorted, NaN), -1);
	});

	it('agrees with a linear scan on a long series', () => {
		const epochs = Float64Array.from({ length: 10_000 }, (_, index) => index * 3 + (index % 7));
		for (const x of [-5, 0, 1, 17.5, 15_000.2, 29_999, 40_000]) {
			let best = 0;
			epochs.forEach((epoch, index) => {
				if (Math.abs(epoch - x) < Math.abs(epochs[best] - x)) {
					best = index;
				}
			});
			assert.equal(nearestIndex(epochs, x), best, `x = ${x}`);
		}
	});

	it('finds exact epochs only', () => {
		assert.equal(exactIndex(sorted, 8), 3);
		assert.equal(exactIndex(sorted, 5), -1);
		assert.equal(exactIndex(sorted, 99), -1);
	});

	it('reads each series at an epoch of the union of all epochs', () => {
		const train: ChartSeries = { key: 'train_loss', label: 'train', phase: 'train', points: [[1, 0.9], [2, 0.7], [3, 0.5]] };
		const val: ChartSeries = { key: 'val_loss', label: 'val', phase: 'val', points: [[2, 0.8], [4, NaN]] };
		assert.deepEqual(epochUnion([train, val]), [1, 2, 3, 4]);
		const sparse: ChartSeries = { ...val, points: [[0, 1], [NaN, 2], [2, 3], [2, 4], [9, 5]] };
		assert.deepEqual(epochUnion([train, sparse, val]), [0, 1, 2, 3, 4, 9]);
		assert.deepEqual(epochUnion([]), []);
		assert.equal(valueAtEpoch(val, seriesEpochs(val), 2), 0.8);
		assert.ok(Number.isNaN(valueAtEpoch(val, seriesEpochs(val), 4)));
		assert.equal(valueAtEpoch(val, seriesEpochs(val), 3), undefined);
	});
});
