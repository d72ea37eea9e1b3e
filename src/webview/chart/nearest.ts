// Binary searches over sorted x values, for hover and keyboard readouts. Pure: no DOM, runs in Node too.

import type { ChartSeries } from '../../shared/panelData';

/** The first index whose value is ≥ `x` in ascending `sorted` (`sorted.length` when none is). */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle] < x) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/**
 * The index of the value in ascending `sorted` nearest to `x`; on a tie, the lower one. -1 when
 * `sorted` is empty or `x` is NaN. O(log n).
 */
export function nearestIndex(sorted: ArrayLike<number>, x: number): number {
	if (sorted.length === 0 || Number.isNaN(x)) {
		return -1;
	}
	const above = lowerBound(sorted, x);
	if (above === 0) {
		return 0;
	}
	if (above === sorted.length) {
		return sorted.length - 1;
	}
	return x - sorted[above - 1] <= sorted[above] - x ? above - 1 : above;
}

/** The first index holding exactly `x` in ascending `sorted`, or -1. O(log n). */
export function exactIndex(sorted: ArrayLike<number>, x: number): number {
	const index = lowerBound(sorted, x);
	return index < sorted.length && sorted[index] === x ? index : -1;
}

/** A series' epochs (its x values) as an array for the searches above. */
export function seriesEpochs(series: ChartSeries): Float64Array {
	const epochs = new Float64Array(series.points.length);
	series.points.forEach((point, index) => {
		epochs[index] = point[0];
	});
	return epochs;
}

/**
 * Every finite epoch that any of the series (each sorted by epoch) has, ascending, each once:
 * the stops of the readout and the rows of the table. A linear merge, no sort.
 */
export function epochUnion(series: readonly ChartSeries[]): number[] {
	let union: number[] = [];
	for (const one of series) {
		const merged: number[] = [];
		const points = one.points;
		let left = 0;
		let right = 0;
		while (left < union.length || right < points.length) {
			const fromRight = right < points.length ? points[right][0] : Infinity;
			if (right < points.length && !Number.isFinite(fromRight)) {
				right++;
				continue;
			}
			const next = left < union.length && union[left] <= fromRight ? union[left] : fromRight;
			if (left < union.length && union[left] === next) {
				left++;
			}
			if (right < points.length && fromRight === next) {
				right++;
			}
			if (merged.length === 0 || merged[merged.length - 1] !== next) {
				merged.push(next);
			}
		}
		union = merged;
	}
	return union;
}

/** The value `series` has at `epoch` (from its `epochs`, see `seriesEpochs`), or undefined when it has none there. */
export function valueAtEpoch(series: ChartSeries, epochs: ArrayLike<number>, epoch: number): number | undefined {
	const index = exactIndex(epochs, epoch);
	return index < 0 ? undefined : series.points[index][1];
}
