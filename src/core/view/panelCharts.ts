import type { RunMetrics } from '../metrics/metricsHistory';
import { isLowerBetter } from '../metrics/metricNames';
import type { ChartModel } from '../../shared/panelData';

const phaseOrder = ['train', 'val', 'test', 'other'] as const;

/** A family's chart title: `loss`, `iou`, `learning_rate` → "Loss", "IoU", "Learning rate". */
export function chartTitle(family: string): string {
	const known: Record<string, string> = { iou: 'IoU', f1: 'F1', lr: 'Learning rate', learning_rate: 'Learning rate' };
	return known[family] ?? family.charAt(0).toUpperCase() + family.slice(1).replace(/_/g, ' ');
}

/**
 * One chart per metric family, its series (train, val, test, other) in a fixed order. Loss
 * families come first, then the others by name, learning rate last.
 */
export function chartModels(metrics: RunMetrics): ChartModel[] {
	const byFamily = new Map<string, ChartModel['series'][number][]>();
	for (const series of metrics.series) {
		const list = byFamily.get(series.family) ?? [];
		list.push({ key: series.key, label: series.phase === 'other' ? series.key : series.phase, phase: series.phase, points: series.points.map((point) => [point.epoch, point.value] as const) });
		byFamily.set(series.family, list);
	}
	const rank = (family: string) => (/loss/i.test(family) ? 0 : /^(lr|learning_rate)$/.test(family) ? 2 : 1);
	return [...byFamily]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([family, series]) => ({
			id: family,
			title: chartTitle(family),
			lowerIsBetter: isLowerBetter(family),
			series: series.sort((a, b) => phaseOrder.indexOf(a.phase) - phaseOrder.indexOf(b.phase)),
		}));
}
