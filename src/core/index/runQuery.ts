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

/** Text order of the user's locale (what `localeCompare()` without arguments gives), made once. */
const textOrder = new Intl.Collator().compare;

/**
 * Natural order (`run2` before `run10`). One collator for every comparison: `localeCompare`
 * with options builds a new one per call, which made sorting 10,000 names take half a second.
 */
export const naturalOrder = new Intl.Collator(undefined, { numeric: true }).compare;

/**
 * Sorts runs by a key computed once per run (not once per comparison: the tree re-sorts all
 * runs on every change), then by id.
 */
function sortByKey<K>(runs: readonly RunSummary[], keyOf: (run: RunSummary) => K, compare: (a: K, b: K) => number): RunSummary[] {
	return runs.map((run) => ({ run, key: keyOf(run) }))
		.sort((a, b) => compare(a.key, b.key) || textOrder(a.run.id, b.run.id))
		.map((entry) => entry.run);
}

/**
 * Sorts runs: newest/oldest by creation time, by name, or by a metric (best first:
 * lower for names containing "loss", higher otherwise; runs without it last). `metric`
 * defaults to each run's headline metric when no name is given.
 */
export function sortRuns(runs: readonly RunSummary[], key: RunSortKey, metric?: string): RunSummary[] {
	switch (key) {
		case 'newest':
			return sortByKey(runs, sortTime, (a, b) => textOrder(b, a));
		case 'oldest':
			return sortByKey(runs, sortTime, textOrder);
		case 'name':
			return sortByKey(runs, (run) => run.name, naturalOrder);
		case 'metric':
			return sortByKey(runs, (run) => metricOf(run, metric), (a, b) => {
				if (!a || !b) {
					return a ? -1 : b ? 1 : 0;
				}
				return isBetterMetric(a.name, a.value, b.value) ? -1 : isBetterMetric(b.name, b.value, a.value) ? 1 : 0;
			});
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
