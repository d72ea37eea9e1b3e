import { metricOf } from '../index/runQuery';
import type { RunSummary } from '../runs/runModel';
import { formatMetric } from './formatValues';

/** `completed`, or `running (inferred: stale)` when the files suggest another status; `—` when none is recorded. */
export function statusText(run: RunSummary): string {
	const recorded = run.status || '—';
	return run.inferredStatus !== run.status && run.inferredStatus !== 'unknown' ? `${recorded} (inferred: ${run.inferredStatus})` : recorded;
}

/** `4/10`, `4` without a total, `—` when no epoch is known. */
export function epochText(run: RunSummary): string {
	if (run.currentEpoch === undefined) {
		return '—';
	}
	return run.totalEpochs ? `${run.currentEpoch}/${run.totalEpochs}` : String(run.currentEpoch);
}

/** The run's headline metric (best metrics first, else the latest epoch's) as `val_iou 0.613`; `—` without one. */
export function headlineText(run: RunSummary): string {
	const headline = metricOf(run);
	return headline ? `${headline.name} ${formatMetric(headline.value)}` : '—';
}

/** The metrics worth showing for a run: its best metrics when it has any, else the last epoch's. */
export interface ShownMetrics {
	readonly kind: 'best' | 'latest';
	/** In the order the run's files hold them; NaN kept. */
	readonly values: Readonly<Record<string, number>>;
}

/** The run's best metrics, else its latest ones; undefined when it has neither. */
export function shownMetrics(run: RunSummary): ShownMetrics | undefined {
	if (Object.keys(run.bestMetrics).length > 0) {
		return { kind: 'best', values: run.bestMetrics };
	}
	return Object.keys(run.latestMetrics).length > 0 ? { kind: 'latest', values: run.latestMetrics } : undefined;
}

/** `val_iou 0.613, val_loss 0.21`, at most `limit` entries then `+N more`. */
export function metricsListText(values: Readonly<Record<string, number>>, limit = Number.POSITIVE_INFINITY): string {
	const entries = Object.entries(values);
	const shown = entries.slice(0, limit).map(([name, value]) => `${name} ${formatMetric(value)}`);
	return entries.length > limit ? `${shown.join(', ')}, +${entries.length - limit} more` : shown.join(', ');
}

/** The reason a failed run gives: the text after the last `\nError: ` that `fail_experiment` appends to the description. */
export function failureReason(description: string): string | undefined {
	const marker = '\nError: ';
	const at = description.lastIndexOf(marker);
	const reason = at >= 0 ? description.slice(at + marker.length).trim() : '';
	return reason || undefined;
}
