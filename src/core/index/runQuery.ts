import { headlineMetric, isBetterMetric } from '../progress/progress';
import type { RunSummary } from '../runs/runModel';

/** A filter over runs; every given criterion must hold. */
export interface RunQuery {
	/** Recorded or inferred status (e.g. `running`, `stale`, `failed`). */
	readonly status?: string;
	readonly tag?: string;
	/** Case-insensitive text found in the name, id, a tag or the description. */
	readonly text?: string;
}

export type RunSortKey = 'newest' | 'oldest' | 'name' | 'metric';

/** True when the run matches every criterion of the query. */
export function matchesQuery(run: RunSummary, query: RunQuery): boolean {
	if (query.status && run.status !== query.status && run.inferredStatus !== query.status && !(query.status === 'stale' && run.stale)) {
		return false;
	}
	if (query.tag && !run.tags.includes(query.tag)) {
		return false;
	}
	if (query.text) {
		const needle = query.text.toLowerCase();
		const haystacks = [run.name, run.id, run.description, ...run.tags];
		if (!haystacks.some((text) => text.toLowerCase().includes(needle))) {
			return false;
		}
	}
	return true;
}

/** The time a run sorts by: its creation time, else its last activity. */
function sortTime(run: RunSummary): string {
	return run.createdAt || new Date(run.lastActivityMs).toISOString();
}

/**
 * Sorts runs: newest/oldest by creation time, by name, or by a metric (best first:
 * lower for names containing "loss", higher otherwise; runs without it last). `metric`
 * defaults to each run's headline metric when no name is given.
 */
export function sortRuns(runs: readonly RunSummary[], key: RunSortKey, metric?: string): RunSummary[] {
	const byId = (a: RunSummary, b: RunSummary) => a.id.localeCompare(b.id);
	switch (key) {
		case 'newest':
			return [...runs].sort((a, b) => sortTime(b).localeCompare(sortTime(a)) || byId(a, b));
		case 'oldest':
			return [...runs].sort((a, b) => sortTime(a).localeCompare(sortTime(b)) || byId(a, b));
		case 'name':
			return [...runs].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }) || byId(a, b));
		case 'metric': {
			const valueOf = (run: RunSummary) => metricOf(run, metric);
			return [...runs].sort((a, b) => {
				const [va, vb] = [valueOf(a), valueOf(b)];
				if (!va || !vb) {
					return (va ? -1 : vb ? 1 : 0) || byId(a, b);
				}
				return isBetterMetric(va.name, va.value, vb.value) ? -1 : isBetterMetric(vb.name, vb.value, va.value) ? 1 : byId(a, b);
			});
		}
	}
}

/** The value of `metric` for a run (best metrics first, then the latest epoch), or its headline metric. */
export function metricOf(run: RunSummary, metric?: string): { name: string; value: number } | undefined {
	if (metric) {
		const value = run.bestMetrics[metric] ?? run.latestMetrics[metric];
		return value === undefined || Number.isNaN(value) ? undefined : { name: metric, value };
	}
	return headlineMetric(Object.keys(run.bestMetrics).length > 0 ? run.bestMetrics : run.latestMetrics);
}
