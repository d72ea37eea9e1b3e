// The whole drawing pipeline of a line chart, as data: extents, ticks, scales, downsampled paths.
// Pure: no DOM, runs in Node too, so it can be tested and timed there; the DOM layer only sets attributes.

import type { ChartModel, ChartSeries } from '../../shared/panelData';
import { epochRange, nonPositiveCount, valueRange } from './chartExtents';
import { type BestPoint, bestPoint } from './chartSummary';
import { downsampleMinMax } from './downsample';
import { formatLinearTicks, formatLogTicks } from './format';
import { pathData } from './path';
import { type Scale, linearScale, logScale, padDomain } from './scale';
import { type TickSet, integerTicks, linearTicks, logTicks } from './ticks';

/** Size in CSS pixels, and whether the y axis is logarithmic. */
export interface ChartPathOptions {
	readonly width: number;
	readonly height: number;
	readonly logScale: boolean;
}

/** A tick: its value, its label, and its pixel along the axis. */
export interface AxisTick {
	readonly value: number;
	readonly label: string;
	readonly position: number;
}

/** One series ready to draw: its path data, how many vertices that has, how many values the log scale hides. */
export interface SeriesPath {
	readonly series: ChartSeries;
	/** The `d` of the series' line (runs of two or more points). */
	readonly line: string;
	/** The `d` of its points alone between gaps, drawn as dots. */
	readonly dots: string;
	/** Points drawn by `line` and `dots` together: at most about two per pixel of plot width. */
	readonly vertices: number;
	readonly hiddenNonPositive: number;
}

/** Everything a chart draws, in pixels of a `width` × `height` box. */
export interface ChartPaths {
	readonly width: number;
	readonly height: number;
	/** The plot area inside the axes. */
	readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
	/** False when log scale was asked for but no value is positive (then the scale is linear). */
	readonly logScale: boolean;
	readonly xScale: Scale;
	readonly yScale: Scale;
	readonly xTicks: readonly AxisTick[];
	readonly yTicks: readonly AxisTick[];
	readonly series: readonly SeriesPath[];
	/** The best point and its pixel position, when it can be drawn. */
	readonly best?: { readonly point: BestPoint; readonly x: number; readonly y: number };
	/** Sentences about values the chart cannot show (non-positive values on a log scale). */
	readonly notes: readonly string[];
	/** True when no series has an epoch: there is nothing to draw but the frame. */
	readonly empty: boolean;
}

/** Pixel width of one tick-label character at the chart's 11px font (an estimate; no DOM to measure). */
const characterWidth = 6.5;

function ticksAt(set: TickSet, labels: readonly string[], scale: Scale): AxisTick[] {
	return set.values.map((value, index) => ({ value, label: labels[index], position: scale.toPixel(value) }));
}

/** The value axis: nice ticks over the drawn values (whole decades on a log scale) and their labels. */
function valueTicks(values: readonly [number, number] | undefined, log: boolean, maxTicks: number): { set: TickSet; labels: string[] } {
	if (log && values !== undefined) {
		const set = logTicks(values[0], values[1], maxTicks);
		return { set, labels: formatLogTicks(set.values) };
	}
	const [lo, hi] = values === undefined ? [0, 1] : padDomain(values[0], values[1], 0.05);
	// Padding must not push an all-positive (or all-negative) curve across zero.
	const set = linearTicks(values !== undefined && values[0] >= 0 ? Math.max(0, lo) : lo, values !== undefined && values[1] <= 0 ? Math.min(0, hi) : hi, maxTicks);
	return { set, labels: formatLinearTicks(set.values, set.step) };
}

/**
 * Lays out `chart` (each series sorted by epoch) in a `width` × `height` box: the epoch axis
 * spans the first to the last epoch (integer ticks), the value axis gets nice ticks over the
 * padded finite values (whole decades on a log scale), and each series becomes one SVG path,
 * downsampled to about two vertices per horizontal pixel (so 10,000 points cost what the
 * plot's width costs) and broken at NaN gaps (and, on a log scale, at values ≤ 0, which are
 * counted in `notes`). One pass over the points (two on a log scale).
 */
export function buildChartPaths(chart: ChartModel, options: ChartPathOptions): ChartPaths {
	const width = Math.max(160, Math.round(options.width));
	const height = Math.max(100, Math.round(options.height));
	const epochs = epochRange(chart);
	const xDomain: [number, number] = epochs === undefined ? [0, 1] : epochs[0] === epochs[1] ? [epochs[0] - 1, epochs[1] + 1] : epochs;
	const top = 12;
	const bottom = height - 36;
	const right = width - 16;
	// The left margin depends on the tick labels; bucketing with the widest plot it could get is
	// at worst a little finer than a pixel, and saves a second pass.
	const view = { xMin: xDomain[0], xMax: xDomain[1], buckets: Math.max(1, right - 32) };
	let log = options.logScale;
	let sampled = chart.series.map((series) => downsampleMinMax(series.points, { ...view, positiveOnly: log }));
	let values = valueRange(sampled);
	if (log && values === undefined) {
		log = false;
		sampled = chart.series.map((series) => downsampleMinMax(series.points, view));
		values = valueRange(sampled);
	}
	const { set: yTickSet, labels: yLabels } = valueTicks(values, log, Math.min(8, Math.max(2, Math.floor((bottom - top) / 36))));
	const left = Math.round(12 + Math.max(3, ...yLabels.map((label) => label.length)) * characterWidth);
	const xTickSet = epochs === undefined ? { domain: xDomain, values: [], step: 1 } : integerTicks(xDomain[0], xDomain[1], Math.min(12, Math.max(2, Math.floor((right - left) / 50))));
	const xScale = linearScale(xDomain, [left, right]);
	const yScale = (log ? logScale : linearScale)(yTickSet.domain, [bottom, top]);
	const series = chart.series.map((one, index): SeriesPath => {
		const { line, dots, vertices } = pathData(sampled[index].map((point) => [xScale.toPixel(point[0]), yScale.toPixel(point[1])] as const));
		return { series: one, line, dots, vertices, hiddenNonPositive: log ? nonPositiveCount(one) : 0 };
	});
	const notes: string[] = [];
	const hidden = series.reduce((sum, one) => sum + one.hiddenNonPositive, 0);
	if (hidden > 0) {
		notes.push(`${hidden} ${hidden === 1 ? 'value' : 'values'} ≤ 0 not shown on the log scale.`);
	}
	if (options.logScale && !log && values !== undefined) {
		notes.push('No value is above 0, so the scale stays linear.');
	}
	const point = bestPoint(chart);
	const bestY = point === undefined ? NaN : yScale.toPixel(point.value);
	return {
		width,
		height,
		plot: { left, top, right, bottom },
		logScale: log,
		xScale,
		yScale,
		xTicks: ticksAt(xTickSet, formatLinearTicks(xTickSet.values, xTickSet.step), xScale),
		yTicks: ticksAt(yTickSet, yLabels, yScale),
		series,
		...(point !== undefined && Number.isFinite(bestY) ? { best: { point, x: xScale.toPixel(point.epoch), y: bestY } } : {}),
		notes,
		empty: epochs === undefined,
	};
}
