// SVG path data from pixel points, broken at gaps. Pure: no DOM, runs in Node too.

import type { ChartPoint } from './downsample';

/** Pixels to one decimal: finer than a screen shows, and it keeps `d` strings short. */
function pixel(value: number): string {
	return String(Math.round(value * 10) / 10);
}

/** A series' path data: its line, and its points that stand alone between gaps. */
export interface PathData {
	/** Runs of two or more points: `M` starts each run, `L` continues it. */
	readonly line: string;
	/**
	 * Points alone between gaps, each a zero-length segment `M x yL x y`: invisible in a dashed
	 * line, so drawn in their own path with round caps (a dot).
	 */
	readonly dots: string;
	/** How many points the two draw (each dot counts once). */
	readonly vertices: number;
}

/**
 * Path data drawing `points` (pixel coordinates, in drawing order) as a polyline. A point with a
 * non-finite x or y is a gap: the line stops there and starts again with `M` at the next point,
 * so nothing is drawn across it. No points, or only gaps, give empty strings.
 */
export function pathData(points: readonly ChartPoint[]): PathData {
	let line = '';
	let dots = '';
	let vertices = 0;
	let runLength = 0;
	let runStart = '';
	for (let index = 0; index <= points.length; index++) {
		const x = index < points.length ? points[index][0] : NaN;
		const y = index < points.length ? points[index][1] : NaN;
		if (x - x !== 0 || y - y !== 0) {
			if (runLength === 1) {
				dots += 'M' + runStart + 'L' + runStart;
			}
			runLength = 0;
			continue;
		}
		vertices++;
		const text = pixel(x) + ' ' + pixel(y);
		if (runLength === 0) {
			runStart = text;
		} else {
			line += runLength === 1 ? 'M' + runStart + 'L' + text : 'L' + text;
		}
		runLength++;
	}
	return { line, dots, vertices };
}
