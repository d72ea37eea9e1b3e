// The best point of a chart and a one-sentence description of it. Pure: no DOM, runs in Node too.

import type { ChartModel, ChartSeries } from '../../shared/panelData';
import { formatValue } from './format';

/** The best value of a chart, as marked on it and named in its description. */
export interface BestPoint {
	readonly seriesKey: string;
	readonly seriesLabel: string;
	readonly epoch: number;
	readonly value: number;
}

/** Charts are immutable data: the legend, the label and the layout share one scan per chart. */
const bestByChart = new WeakMap<ChartModel, BestPoint | undefined>();

/** Which phase's best counts: validation first, as model selection uses it. `other` (e.g. a learning rate) never. */
const bestPhases: readonly ChartSeries['phase'][] = ['val', 'test', 'train'];

/**
 * The best finite value (lowest when `chart.lowerIsBetter`, else highest) of the first series
 * in phase order val, test, train that has one; the earliest epoch on a tie. Undefined when no
 * such series has a finite value.
 */
export function bestPoint(chart: ChartModel): BestPoint | undefined {
	if (!bestByChart.has(chart)) {
		bestByChart.set(chart, findBestPoint(chart));
	}
	return bestByChart.get(chart);
}

function findBestPoint(chart: ChartModel): BestPoint | undefined {
	for (const phase of bestPhases) {
		for (const series of chart.series.filter((candidate) => candidate.phase === phase)) {
			let best: readonly [number, number] | undefined;
			for (let index = 0; index < series.points.length; index++) {
				const point = series.points[index];
				const better = best === undefined || (chart.lowerIsBetter ? point[1] < best[1] : point[1] > best[1]);
				if (better && Number.isFinite(point[0]) && Number.isFinite(point[1])) {
					best = point;
				}
			}
			if (best !== undefined) {
				return { seriesKey: series.key, seriesLabel: series.label, epoch: best[0], value: best[1] };
			}
		}
	}
	return undefined;
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
	return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A sentence for screen readers naming what the chart shows: "val_iou over 12 epochs, best
 * 0.6612 at epoch 9"; with several series "train_loss and val_loss over 12 epochs, best
 * val_loss 0.3112 at epoch 9"; NaN values are counted ("2 NaN values shown as gaps"). The
 * number of epochs is the longest series' length (series share their epochs in practice, and
 * this spares a merge of every series on each render).
 */
export function describeChart(chart: ChartModel): string {
	const keys = chart.series.map((series) => series.key);
	const epochs = chart.series.reduce((longest, series) => Math.max(longest, series.points.length), 0);
	if (epochs === 0) {
		return `${chart.title}: no values yet`;
	}
	const parts = [`${listText(keys)} over ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'}`];
	const best = bestPoint(chart);
	if (best !== undefined) {
		const name = keys.length > 1 ? `${best.seriesKey} ` : '';
		parts.push(`best ${name}${formatValue(best.value)} at epoch ${best.epoch}`);
	}
	let gaps = 0;
	for (const series of chart.series) {
		for (let index = 0; index < series.points.length; index++) {
			if (Number.isNaN(series.points[index][1])) {
				gaps++;
			}
		}
	}
	if (gaps > 0) {
		parts.push(`${gaps} NaN ${gaps === 1 ? 'value' : 'values'} shown as gaps`);
	}
	return parts.join(', ');
}
