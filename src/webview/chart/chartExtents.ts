// Extents of chart data, for laying out its axes. Pure: no DOM, runs in Node too.

import type { ChartModel, ChartSeries } from '../../shared/panelData';
import type { ChartPoint } from './downsample';

/** The first and last finite epoch over all series (each sorted by epoch), or undefined when there is none. */
export function epochRange(chart: ChartModel): [number, number] | undefined {
	let first = Infinity;
	let last = -Infinity;
	for (const series of chart.series) {
		const points = series.points;
		const head = points.findIndex((point) => Number.isFinite(point[0]));
		if (head >= 0) {
			first = Math.min(first, points[head][0]);
			let tail = points.length - 1;
			while (!Number.isFinite(points[tail][0])) {
				tail--;
			}
			last = Math.max(last, points[tail][0]);
		}
	}
	return first <= last ? [first, last] : undefined;
}

/** The lowest and highest drawn value of downsampled series (which keep every bucket's extremes). */
export function valueRange(sampled: readonly (readonly ChartPoint[])[]): [number, number] | undefined {
	let low = Infinity;
	let high = -Infinity;
	for (const points of sampled) {
		for (const point of points) {
			if (Number.isFinite(point[1])) {
				low = Math.min(low, point[1]);
				high = Math.max(high, point[1]);
			}
		}
	}
	return low <= high ? [low, high] : undefined;
}

/** How many finite values ≤ 0 a series has: what a log scale leaves out. */
export function nonPositiveCount(series: ChartSeries): number {
	let count = 0;
	for (let index = 0; index < series.points.length; index++) {
		const value = series.points[index][1];
		if (value <= 0 && value > -Infinity) {
			count++;
		}
	}
	return count;
}
