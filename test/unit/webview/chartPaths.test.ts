import * as assert from 'node:assert/strict';
import type { ChartModel, ChartSeries } from '../../../src/shared/panelData';
import { buildChartPaths } from '../../../src/webview/chart/chartPaths';
import { randomSeries } from './seededSeries';

function series(phase: ChartSeries['phase'], points: ChartSeries['points']): ChartSeries {
	return { key: `${phase}_loss`, label: phase, phase, points };
}

function chart(...list: ChartSeries[]): ChartModel {
	return { id: 'loss', title: 'Loss', lowerIsBetter: true, series: list };
}

/** The [x, y] vertices of a path `d`, in order. */
function vertices(d: string): Array<[number, number]> {
	return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
}

const twelveEpochs = chart(
	series('train', [[1, 0.9], [2, 0.7], [3, 0.55], [4, 0.5], [5, 0.45], [6, 0.42], [7, 0.4], [8, 0.38], [9, 0.37], [10, 0.36], [11, 0.35], [12, 0.34]]),
	series('val', [[1, 0.95], [2, 0.8], [3, 0.7], [4, 0.66], [5, 0.6], [6, 0.62], [7, NaN], [8, NaN], [9, 0.58], [10, 0.57], [11, NaN], [12, NaN]]),
);

describe('buildChartPaths', () => {
	it('thins 10,000 points per series to about two vertices per pixel of plot width', () => {
		const big = chart(series('train', randomSeries(1, 10_000)), series('val', randomSeries(2, 10_000, 5)), series('test', randomSeries(3, 10_000)));
		for (const logScale of [false, true]) {
			const paths = buildChartPaths(big, { width: 640, height: 240, logScale });
			for (const one of paths.series) {
				assert.ok(one.vertices > 100, `${one.series.key}: ${one.vertices} vertices`);
				assert.ok(one.vertices <= 2 * 640, `${one.series.key}: ${one.vertices} vertices for 640 px (log ${logScale})`);
			}
		}
	});

	it('keeps every vertex inside the plot area, and the epoch axis spans first to last epoch', () => {
		const paths = buildChartPaths(twelveEpochs, { width: 480, height: 220, logScale: false });
		const { left, top, right, bottom } = paths.plot;
		for (const one of paths.series) {
			for (const [x, y] of vertices(one.line)) {
				assert.ok(x >= left - 0.05 && x <= right + 0.05 && y >= top - 0.05 && y <= bottom + 0.05, `${x},${y} outside the plot`);
			}
		}
		assert.deepEqual(paths.xScale.domain, [1, 12]);
		assert.ok(paths.xTicks.every((tick) => Number.isInteger(tick.value)));
		assert.ok(paths.yTicks[0].value <= 0.34 && paths.yTicks[paths.yTicks.length - 1].value >= 0.95);
	});

	it('breaks a series at its NaN values and stops it where the run diverged', () => {
		const paths = buildChartPaths(twelveEpochs, { width: 480, height: 220, logScale: false });
		const val = paths.series[1];
		assert.equal(val.line.match(/M/g)?.length, 2);
		assert.equal(val.vertices, 8);
		const lastX = vertices(val.line).at(-1)?.[0];
		assert.equal(lastX, Math.round(paths.xScale.toPixel(10) * 10) / 10);
		assert.equal(paths.series[0].line.match(/M/g)?.length, 1);
	});

	it('on a log scale leaves out values ≤ 0 and says how many', () => {
		const withZero = chart(series('train', [[1, 1], [2, 0.1], [3, 0], [4, -0.5], [5, 0.01]]));
		const paths = buildChartPaths(withZero, { width: 400, height: 200, logScale: true });
		assert.equal(paths.logScale, true);
		assert.equal(paths.series[0].hiddenNonPositive, 2);
		assert.deepEqual(paths.notes, ['2 values ≤ 0 not shown on the log scale.']);
		assert.equal(paths.series[0].line.match(/M/g)?.length, 1);
		assert.equal(paths.series[0].dots.match(/M/g)?.length, 1);
		assert.deepEqual(paths.yScale.domain, [0.01, 1]);
	});

	it('stays linear, with a note, when log scale is asked for but nothing is positive', () => {
		const paths = buildChartPaths(chart(series('train', [[1, -1], [2, -2]])), { width: 400, height: 200, logScale: true });
		assert.equal(paths.logScale, false);
		assert.deepEqual(paths.notes, ['No value is above 0, so the scale stays linear.']);
		assert.notEqual(paths.series[0].line, '');
	});

	it('draws a frame but no line for a chart without values', () => {
		const paths = buildChartPaths(chart(series('val', [])), { width: 400, height: 200, logScale: false });
		assert.equal(paths.empty, true);
		assert.deepEqual([paths.series[0].line, paths.series[0].dots], ['', '']);
		assert.deepEqual(paths.xTicks, []);
		assert.equal(paths.best, undefined);
		const diverged = buildChartPaths(chart(series('val', [[1, NaN], [2, NaN]])), { width: 400, height: 200, logScale: false });
		assert.equal(diverged.empty, false);
		assert.deepEqual([diverged.series[0].line, diverged.series[0].dots], ['', '']);
	});

	it('centres a single epoch and draws it as a dot', () => {
		const paths = buildChartPaths(chart(series('val', [[5, 0.3]])), { width: 400, height: 200, logScale: false });
		assert.deepEqual(paths.xScale.domain, [4, 6]);
		assert.equal(paths.series[0].line, '');
		const [[x1, y1], [x2, y2]] = vertices(paths.series[0].dots);
		assert.deepEqual([x1, y1], [x2, y2]);
		assert.ok(Math.abs(x1 - (paths.plot.left + paths.plot.right) / 2) < 0.1);
		assert.deepEqual(paths.xTicks.map((tick) => tick.label), ['4', '5', '6']);
	});

	it('places the best validation point where the curve has it', () => {
		const paths = buildChartPaths(twelveEpochs, { width: 480, height: 220, logScale: false });
		assert.equal(paths.best?.point.epoch, 10);
		assert.equal(paths.best?.point.seriesKey, 'val_loss');
		assert.equal(paths.best?.x, paths.xScale.toPixel(10));
		assert.equal(paths.best?.y, paths.yScale.toPixel(0.57));
	});

	it('leaves room on the left for the widest value label', () => {
		const narrow = buildChartPaths(chart(series('val', [[1, 1], [2, 2]])), { width: 400, height: 200, logScale: false });
		const wide = buildChartPaths(chart(series('val', [[1, 0.66121], [2, 0.66127]])), { width: 400, height: 200, logScale: false });
		assert.ok(wide.plot.left > narrow.plot.left);
	});
});
