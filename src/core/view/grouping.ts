import { parsePythonIso } from '../tracker/timestamps';
import { naturalOrder } from '../index/runQuery';
import type { RunSummary } from '../runs/runModel';
import { formatDayLabel } from './formatValues';
import { type RunVisualState, runVisualState, visualStateLabels } from './visualState';

/** How the tree groups runs. */
export type RunGrouping = 'status' | 'day' | 'tag' | 'none';

/** One group of the tree. */
export interface RunGroup {
	/**
	 * Stable id for tree item ids, the same across refreshes and days: `status:<state>`,
	 * `day:<YYYY-MM-DD>` (local), `day:unknown`, `tag:<tag>`, `untagged`, or `all`.
	 */
	readonly key: string;
	readonly label: string;
	/** In the order given to {@link groupRuns}. */
	readonly runs: readonly RunSummary[];
}

/** The order of the status groups: what needs attention first. */
export const statusGroupOrder: readonly RunVisualState[] = ['running', 'stale', 'failed', 'aborted', 'completed', 'created', 'problem', 'unknown'];

/**
 * Splits runs into the tree's groups; runs keep the given order inside each group (sort them
 * first with `sortRuns`) and empty groups are left out.
 * - `status`: by {@link runVisualState}, in {@link statusGroupOrder} (labels Running, Stale,
 *   Failed, Aborted, Completed, Created, Problems, Other);
 * - `day`: by the local day of `createdAt`, newest first, labelled `Today`, `Yesterday`, then
 *   `Mon 30 Nov 2026`; runs without a creation time last, under `Unknown date`;
 * - `tag`: one group per tag, a run under each of its tags, tags in natural order, then
 *   `Untagged`;
 * - `none`: one group `all` holding every run (the tree then shows them flat), none when empty.
 */
export function groupRuns(runs: readonly RunSummary[], by: RunGrouping, nowMs: number): RunGroup[] {
	switch (by) {
		case 'status': {
			const buckets = bucket(runs, (run) => [runVisualState(run)]);
			return statusGroupOrder
				.filter((state) => buckets.has(state))
				.map((state) => ({ key: `status:${state}`, label: visualStateLabels[state], runs: buckets.get(state)! }));
		}
		case 'day':
			return groupByDay(runs, nowMs);
		case 'tag': {
			const buckets = bucket(runs, (run) => (run.tags.length > 0 ? [...new Set(run.tags)] : [untagged]));
			const tags = [...buckets.keys()].filter((tag) => tag !== untagged).sort((a, b) => naturalOrder(a, b) || (a < b ? -1 : 1));
			const groups = tags.map((tag) => ({ key: `tag:${tag}`, label: tag.trim() === '' ? '(blank tag)' : tag, runs: buckets.get(tag)! }));
			const rest = buckets.get(untagged);
			return rest ? [...groups, { key: 'untagged', label: 'Untagged', runs: rest }] : groups;
		}
		case 'none':
			return runs.length > 0 ? [{ key: 'all', label: 'All runs', runs: [...runs] }] : [];
	}
}

// A symbol-like sentinel no tag can equal: tags are strings from the tracker file.
const untagged = '\u0000untagged';
const unknownDay = 'unknown';

function groupByDay(runs: readonly RunSummary[], nowMs: number): RunGroup[] {
	const buckets = bucket(runs, (run) => [dayKeyOf(run.createdAt ? parsePythonIso(run.createdAt) : undefined)]);
	const today = dayKeyOf(nowMs);
	const yesterdayDate = new Date(nowMs);
	yesterdayDate.setDate(yesterdayDate.getDate() - 1);
	const yesterday = dayKeyOf(yesterdayDate.getTime());
	// YYYY-MM-DD keys sort by date as text.
	const days = [...buckets.keys()].filter((day) => day !== unknownDay).sort().reverse();
	const groups = days.map((day) => ({
		key: `day:${day}`,
		label: day === today ? 'Today' : day === yesterday ? 'Yesterday' : formatDayLabel(dayStartMs(day)),
		runs: buckets.get(day)!,
	}));
	const unknown = buckets.get(unknownDay);
	return unknown ? [...groups, { key: `day:${unknownDay}`, label: 'Unknown date', runs: unknown }] : groups;
}

/** The local `YYYY-MM-DD` of a time, or `unknown`. */
function dayKeyOf(ms: number | undefined): string {
	if (ms === undefined || Number.isNaN(ms)) {
		return unknownDay;
	}
	const date = new Date(ms);
	return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function dayStartMs(day: string): number {
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return new Date(year, month - 1, date).getTime();
}

/** Runs by key, in first-seen key order, each bucket in the runs' order. */
function bucket(runs: readonly RunSummary[], keysOf: (run: RunSummary) => readonly string[]): Map<string, RunSummary[]> {
	const buckets = new Map<string, RunSummary[]>();
	for (const run of runs) {
		for (const key of keysOf(run)) {
			const list = buckets.get(key);
			if (list) {
				list.push(run);
			} else {
				buckets.set(key, [run]);
			}
		}
	}
	return buckets;
}
