// Min/max-per-bucket downsampling that keeps gaps. Pure: no DOM, runs in Node too.

/** An [x, y] point; y NaN (or any non-finite value) marks a gap. */
export type ChartPoint = readonly [number, number];

/** The horizontal window the points are drawn in, split into `buckets` equal columns (one per pixel). */
export interface DownsampleView {
	readonly xMin: number;
	readonly xMax: number;
	readonly buckets: number;
	/** For a log scale: values ≤ 0 cannot be drawn, so they are gaps too. */
	readonly positiveOnly?: boolean;
}

/** Whether a y value is drawn (else it is a gap). */
function drawn(y: number, positiveOnly: boolean): boolean {
	return positiveOnly ? y > 0 && y < Infinity : Number.isFinite(y);
}

/** Short input: every point kept, only undrawable ones turned into gaps and non-finite x dropped. */
function keepAll(points: readonly ChartPoint[], positiveOnly: boolean): ChartPoint[] {
	const output: ChartPoint[] = [];
	for (const point of points) {
		if (Number.isFinite(point[0])) {
			output.push(drawn(point[1], positiveOnly) || Number.isNaN(point[1]) ? point : [point[0], NaN]);
		}
	}
	return output;
}

/**
 * Thins points sorted by x to what a plot `view.buckets` pixels wide can show: about two per
 * bucket. Within each bucket, each unbroken run of drawn values keeps its minimum and its
 * maximum, in x order. Also kept: the first and last point of every run (so a line starts and
 * stops exactly where the data does, including the series' first and last points). A gap (one
 * or more values that are not finite, or with `positiveOnly` not > 0) becomes one `[x, NaN]`
 * point at the gap's first x: gaps are never dropped and never bridged. Points with a
 * non-finite x are skipped. Kept points are the input's own tuples.
 *
 * Size: at most 2·buckets + 5·(runs) + 1 points; without gaps at most 2·buckets + 2. Input of at
 * most 2·buckets + 2 points is kept whole (only undrawable values become `[x, NaN]`). One pass, O(n).
 */
export function downsampleMinMax(points: readonly ChartPoint[], view: DownsampleView): ChartPoint[] {
	const buckets = Math.max(1, Math.floor(view.buckets));
	const positiveOnly = view.positiveOnly === true;
	if (points.length <= 2 * buckets + 2) {
		return keepAll(points, positiveOnly);
	}
	const width = view.xMax - view.xMin;
	const bucketWidth = width > 0 ? width / buckets : Infinity;
	const output: ChartPoint[] = [];
	// The current chunk: one run's points inside one bucket, tracked by index and extreme values.
	let firstIndex = -1;
	let lastIndex = -1;
	let minIndex = -1;
	let maxIndex = -1;
	let minY = 0;
	let maxY = 0;
	let bucketEnd = -Infinity;
	let runStart = true;

	const flush = (endsRun: boolean) => {
		if (firstIndex < 0) {
			return;
		}
		// Run start ≤ the extremes ≤ run end, so this order keeps x order; equal indexes are kept once.
		const low = minIndex < maxIndex ? minIndex : maxIndex;
		const high = minIndex < maxIndex ? maxIndex : minIndex;
		if (runStart && firstIndex !== low) {
			output.push(points[firstIndex]);
		}
		output.push(points[low]);
		if (high !== low) {
			output.push(points[high]);
		}
		if (endsRun && lastIndex !== high) {
			output.push(points[lastIndex]);
		}
		firstIndex = -1;
		runStart = false;
	};

	// Plain comparisons per point (no calls, no division): this loop runs over every point,
	// usually before the JIT has warmed up.
	for (let index = 0; index < points.length; index++) {
		const point = points[index];
		const x = point[0];
		const y = point[1];
		if (x - x !== 0) {
			continue;
		}
		if (!(y - y === 0 && (!positiveOnly || y > 0))) {
			flush(true);
			runStart = true;
			if (output.length === 0 || output[output.length - 1][1] === output[output.length - 1][1]) {
				output.push([x, NaN]);
			}
			continue;
		}
		if (firstIndex >= 0 && x >= bucketEnd) {
			flush(false);
		}
		if (firstIndex < 0) {
			const bucket = Math.min(buckets - 1, Math.max(0, Math.floor((x - view.xMin) / bucketWidth)));
			bucketEnd = bucket === buckets - 1 ? Infinity : view.xMin + (bucket + 1) * bucketWidth;
			firstIndex = minIndex = maxIndex = index;
			minY = maxY = y;
		} else if (y < minY) {
			minIndex = index;
			minY = y;
		} else if (y > maxY) {
			maxIndex = index;
			maxY = y;
		}
		lastIndex = index;
	}
	flush(true);
	return output;
}
