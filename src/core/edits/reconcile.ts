import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { JsonFileRead } from '../fs/readJsonFile';
import { pythonIsoNow } from '../tracker/timestamps';
import { applyEdit, describeEdit, type EditOutcome } from './editOps';
import { type PendingEdit, type ResolvedEdit, updateJournal } from './journal';
import { type ReconcileTarget, readTrackerForWrite, writeTrackerIfUnchanged } from './trackerForWrite';

export interface ReconcileOptions {
	/** A writer counts as live while a run file changed less than this long ago (the stale threshold). */
	readonly liveWindowMs: number;
	/** Write even while the writer looks live (the user confirmed). */
	readonly force?: boolean;
	readonly nowMs?: number;
}

export type ReconcileResult =
	| { readonly state: 'clean' }
	/** The run's writer is live: the edits wait, shown as pending, until it stops. */
	| { readonly state: 'deferred' }
	/** The writer saved while we were writing: nothing was written; try again on its next change. */
	| { readonly state: 'conflict' }
	/** The tracker file is corrupt or unreadable: never rewritten, edits kept. */
	| { readonly state: 'blocked'; readonly reason: string }
	| { readonly state: 'reconciled'; readonly wrote: boolean; readonly resolved: number; readonly pending: number; readonly blocked: readonly string[] };

export { trackerFileName, type ReconcileTarget } from './trackerForWrite';
const terminal = new Set(['completed', 'failed', 'aborted']);
const activityFiles = ['metrics/validation_metrics.jsonl', 'metrics/summary.json', 'metrics/metrics.jsonl', 'metrics/training_metrics.jsonl'];

/**
 * Brings the tracker file in line with the run's pending edits, once that is safe:
 * - no tracker file: one is created (all 32 keys), as nothing else writes it;
 * - a live writer (status `running` and a run file changed within the live window): nothing
 *   is written, because Python rewrites the file from memory and would erase it;
 * - otherwise the edits are applied in order and the file replaced atomically, but only if
 *   it did not change since it was read (else: `conflict`).
 * Edits the file holds leave the journal once the run has ended (completed, failed, aborted):
 * before that a writer could still start or come back and erase them. A corrupt file is
 * never rewritten.
 */
export async function reconcileRun(run: ReconcileTarget, options: ReconcileOptions): Promise<ReconcileResult> {
	return updateJournal<ReconcileResult>(run.dir, async (journal) => {
		if (journal.pending.length === 0) {
			return { journal, result: { state: 'clean' } };
		}
		const forWrite = await readTrackerForWrite(run);
		if (!forWrite.ok) {
			return { journal, result: { state: 'blocked', reason: forWrite.reason } };
		}
		const { doc, baseText, read } = forWrite;
		// A live writer (spec §8.6): status running and a run file changed within the window.
		if (read.state !== 'missing' && !options.force && doc.getString('status') === 'running') {
			const quietFor = (options.nowMs ?? Date.now()) - (await newestActivity(run.dir, read));
			if (quietFor < options.liveWindowMs) {
				return { journal, result: { state: 'deferred' } };
			}
		}
		const outcomes = journal.pending.map((entry) => ({ entry, outcome: applyEdit(doc, entry.op) }));
		const wrote = doc.serialize() !== baseText;
		if (wrote && !(await writeTrackerIfUnchanged(run.dir, doc, baseText))) {
			return { journal, result: { state: 'conflict' } };
		}
		// Held edits leave the journal only once the run has ended: until then a writer may still
		// (re)start, rewrite the file from its memory and erase them (a "created" run included).
		const settled = terminal.has(doc.getString('status') ?? '');
		const resolvedAt = pythonIsoNow();
		const keep = (outcome: EditOutcome) => outcome.kind === 'blocked' || (outcome.kind === 'applied' && !settled);
		const pending: PendingEdit[] = outcomes.filter(({ outcome }) => keep(outcome)).map(({ entry }) => entry);
		const resolved: ResolvedEdit[] = outcomes
			.filter(({ outcome }) => !keep(outcome))
			.map(({ entry, outcome }) => ({ ...entry, outcome: outcome.kind === 'superseded' ? 'superseded' : 'applied', resolvedAt }));
		const blocked = outcomes.flatMap(({ entry, outcome }) => (outcome.kind === 'blocked' ? [`${describeEdit(entry.op)}: the file has no usable ${outcome.keys.map((key) => `"${key}"`).join(', ')}`] : []));
		const changed = resolved.length > 0;
		return {
			journal: changed ? { ...journal, pending, history: [...journal.history, ...resolved] } : journal,
			result: { state: 'reconciled', wrote, resolved: resolved.length, pending: pending.length, blocked },
		};
	});
}

/** Newest modification time among the run files a live writer touches. */
async function newestActivity(dir: string, read: JsonFileRead): Promise<number> {
	const times = await Promise.all(activityFiles.map((file) => stat(path.join(dir, file)).then((info) => info.mtimeMs, () => 0)));
	const trackerTime = read.state === 'ok' || read.state === 'empty' ? read.mtimeMs : 0;
	return Math.max(trackerTime, ...times);
}
