import * as path from 'node:path';
import { updateJournal } from '../edits/journal';
import { type ReconcileTarget, readTrackerForWrite, trackerFileName, writeTrackerIfUnchanged } from '../edits/trackerForWrite';
import type { SkippedKeys } from '../tracker/trackerApi';
import type { TrackerDocument } from '../tracker/trackerDocument';
import { pythonIsoNow } from '../tracker/timestamps';

/** A tracker method applied to a run's document at time `now` (see tracker/trackerApi.ts). */
export type TrackerCall = (doc: TrackerDocument, now: string) => SkippedKeys;

/**
 * Performs a tracker method on a run's file as the run's own writer would (what a script does
 * through `exptrack start|progress|artifact|complete|fail|abort`), but safely: under the run's
 * journal lock, replacing the file atomically, and only if no one saved it meanwhile (retried).
 * A run without a tracker file gets one. A corrupt file is never rewritten: this throws instead.
 */
export async function performTrackerCall(target: ReconcileTarget, call: TrackerCall): Promise<{ skipped: SkippedKeys }> {
	return updateJournal(target.dir, async (journal) => {
		for (let attempt = 0; attempt < 5; attempt += 1) {
			const forWrite = await readTrackerForWrite(target);
			if (!forWrite.ok) {
				throw new Error(`${forWrite.reason} (${path.join(target.dir, trackerFileName)}; left unchanged)`);
			}
			const skipped = call(forWrite.doc, pythonIsoNow());
			if (await writeTrackerIfUnchanged(target.dir, forWrite.doc, forWrite.baseText)) {
				return { journal, result: { skipped } };
			}
		}
		throw new Error(`${path.join(target.dir, trackerFileName)} kept changing while it was being updated (is a training process writing it?); try again.`);
	});
}
