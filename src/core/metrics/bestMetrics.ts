import { isLowerBetter } from './metricNames';
import { type BestMetric, type MetricSeries } from './metricsModel';

/**
 * The best point of a series: lowest when the key contains `loss`, highest otherwise; the
 * earliest epoch wins a tie. Unlike MetricsManager, a `NaN` is never best (Python keeps a
 * first `NaN` as best forever, since no comparison with it is true). `undefined` when the
 * series has no number.
 */
export function bestOfSeries(series: MetricSeries): BestMetric | undefined {
	const lower = isLowerBetter(series.key);
	let best: BestMetric | undefined;
	for (const point of series.points) {
		if (Number.isNaN(point.value)) {
			continue;
		}
		if (best === undefined || (lower ? point.value < best.value : point.value > best.value)) {
			best = { value: point.value, epoch: point.epoch };
		}
	}
	return best;
}

/**
 * Best values per merge key: the values the writers recorded (`recorded`, already merged by
 * precedence) are kept as written, except a recorded `NaN`, which gives way to the series'
 * best when it has a number; each epoch series (phase train/val/test) with no recorded best
 * gets one computed by {@link bestOfSeries}. The learning rate (phase 'other') has none.
 */
export function mergeBestMetrics(recorded: Readonly<Record<string, BestMetric>>, series: readonly MetricSeries[]): Record<string, BestMetric> {
	const result: Record<string, BestMetric> = { ...recorded };
	for (const curve of series) {
		if (curve.phase === 'other') {
			continue;
		}
		const kept = result[curve.key];
		if (kept !== undefined && !Number.isNaN(kept.value)) {
			continue;
		}
		const computed = bestOfSeries(curve);
		if (computed !== undefined) {
			result[curve.key] = computed;
		}
	}
	return result;
}
