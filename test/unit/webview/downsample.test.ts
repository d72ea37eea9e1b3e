import * as assert from 'node:assert/strict';
import { type ChartPoint, downsampleMinMax } from '../../../src/webview/chart/downsample';
import { randomSeries } from './seededSeries';

/** Runs of consecutive input indexes whose value is NaN, as [first, last] index pairs. */
function nanRuns(points: readonly ChartPoint[]): Array<[number, number]> {
	const runs: Array<[number, number]> = [];
	points.forEach((point, index) => {
		if (Number.isNaN(point[1])) {
			const last = runs[runs.length - 1];
			if (last !== undefined && last[1] === index - 1) {
				last[1] = index;
			} else {
				runs.push([index, index]);
			}
		}
	});
	return runs;
}

const cases = Array.from({ length: 60 }, (_, seed) => ({
	seed,
	length: 400 + ((seed * 977) % 6000),
	buckets: [7, 64, 150, 333, 640][seed % 5],
	gaps: seed % 3 === 0 ? 0 : 1 + (seed % 9),
}));

describe('downsampleMinMax', () => {
	it('keeps the first and last points, and keeps x order', () => {
		for (const { seed, length, buckets, gaps } of cases) {
			const points = randomSeries(seed, length, gaps);
			const output = downsampleMinMax(points, { xMin: 1, xMax: length, buckets });
			const first = output[0];
			const last = output[output.length - 1];
			assert.ok(first === points[0] || (Number.isNaN(points[0][1]) && Number.isNaN(first[1]) && first[0] === 1), `seed ${seed}: first`);
			assert.ok(last === points[length - 1] || (Number.isNaN(points[length - 1][1]) && Number.isNaN(last[1])), `seed ${seed}: last`);
			const disorder = output.findIndex((point, index) => index > 0 && point[0] < output[index - 1][0]);
			assert.equal(disorder, -1, `seed ${seed}: x order broken at ${disorder}`);
		}
	});

	it('keeps each series\' extremes, and every dropped value lies within what is drawn within a pixel of it', () => {
		for (const { seed, length, buckets, gaps } of cases) {
			const points = randomSeries(seed, length, gaps);
			const output = downsampleMinMax(points, { xMin: 1, xMax: length, buckets });
			const kept = new Set(output);
			const finite = points.filter((point) => !Number.isNaN(point[1]));
			const values = finite.map((point) => point[1]);
			const [lowest, highest] = [Math.min(...values), Math.max(...values)];
			assert.ok(output.some((point) => point[1] === lowest), `seed ${seed}: lost the minimum`);
			assert.ok(output.some((point) => point[1] === highest), `seed ${seed}: lost the maximum`);
			const pixel = (length - 1) / buckets;
			const drawn = output.filter((candidate) => !Number.isNaN(candidate[1]));
			let from = 0;
			for (const point of finite.filter((candidate) => !kept.has(candidate))) {
				while (drawn[from][0] < point[0] - pixel) {
					from++;
				}
				let low = Infinity;
				let high = -Infinity;
				for (let index = from; index < drawn.length && drawn[index][0] <= point[0] + pixel; index++) {
					low = Math.min(low, drawn[index][1]);
					high = Math.max(high, drawn[index][1]);
				}
				assert.ok(low <= point[1] && point[1] <= high, `seed ${seed}: the value at epoch ${point[0]} is outside the kept points within a pixel`);
			}
		}
	});

	it('keeps every gap, and never joins two kept points across a gap', () => {
		for (const { seed, length, buckets, gaps } of cases) {
			const points = randomSeries(seed, length, gaps);
			const output = downsampleMinMax(points, { xMin: 1, xMax: length, buckets });
			for (const [first, last] of nanRuns(points)) {
				const marker = output.find((point) => Number.isNaN(point[1]) && point[0] >= points[first][0] && point[0] <= points[last][0]);
				assert.ok(marker, `seed ${seed}: the gap at epochs ${points[first][0]}–${points[last][0]} disappeared`);
			}
			// Epochs are 1..length, so gapsBefore[e] counts the NaN values at epochs below e.
			const gapsBefore = [0];
			points.forEach((point) => gapsBefore.push(gapsBefore[gapsBefore.length - 1] + (Number.isNaN(point[1]) ? 1 : 0)));
			const bridged = output.findIndex((b, index) => {
				const a = output[index - 1];
				return index > 0 && !Number.isNaN(a[1]) && !Number.isNaN(b[1]) && gapsBefore[b[0] - 1] - gapsBefore[a[0]] > 0;
			});
			assert.equal(bridged, -1, `seed ${seed}: epochs ${output[bridged - 1]?.[0]} and ${output[bridged]?.[0]} joined across a gap`);
		}
	});

	it('stays within 2·buckets + 5·runs + 1 points, and 2·buckets + 2 without gaps', () => {
		for (const { seed, length, buckets, gaps } of cases) {
			const points = randomSeries(seed, length, gaps);
			const output = downsampleMinMax(points, { xMin: 1, xMax: length, buckets });
			const runs = nanRuns(points).length + 1;
			const bound = gaps === 0 ? 2 * buckets + 2 : 2 * buckets + 5 * runs + 1;
			assert.ok(output.length <= bound, `seed ${seed}: ${output.length} points for ${buckets} buckets (bound ${bound})`);
		}
		const long = randomSeries(7, 10_000);
		assert.ok(downsampleMinMax(long, { xMin: 1, xMax: 10_000, buckets: 300 }).length <= 602);
	});

	it('returns a short series whole, and the original tuples when it thins', () => {
		const points = randomSeries(3, 12, 1);
		assert.deepEqual(downsampleMinMax(points, { xMin: 1, xMax: 12, buckets: 600 }), points);
		const long = randomSeries(4, 5000);
		const source = new Set(long);
		assert.ok(downsampleMinMax(long, { xMin: 1, xMax: 5000, buckets: 100 }).every((point) => source.has(point)));
	});

	it('with positiveOnly turns values ≤ 0 into gaps, drawn or not', () => {
		const short: ChartPoint[] = [[1, 0.5], [2, 0], [3, -1], [4, 0.25], [5, Infinity]];
		assert.deepEqual(downsampleMinMax(short, { xMin: 1, xMax: 5, buckets: 100, positiveOnly: true }), [[1, 0.5], [2, NaN], [3, NaN], [4, 0.25], [5, NaN]]);
		const long: ChartPoint[] = Array.from({ length: 3000 }, (_, index) => [index, index % 500 < 100 ? -1 : 1 + index / 1000]);
		const output = downsampleMinMax(long, { xMin: 0, xMax: 2999, buckets: 50, positiveOnly: true });
		assert.ok(output.every((point) => Number.isNaN(point[1]) || point[1] > 0));
		assert.equal(output.filter((point) => Number.isNaN(point[1])).length, 6);
	});

	it('skips points without a finite epoch and treats infinite values as gaps', () => {
		const points: ChartPoint[] = Array.from({ length: 1000 }, (_, index) => [index === 10 ? NaN : index, index === 500 ? -Infinity : Math.sin(index)]);
		const output = downsampleMinMax(points, { xMin: 0, xMax: 999, buckets: 20 });
		assert.ok(output.every((point) => Number.isFinite(point[0])));
		assert.deepEqual(output.filter((point) => Number.isNaN(point[1])), [[500, NaN]]);
	});
});
