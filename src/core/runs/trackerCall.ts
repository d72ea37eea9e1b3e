import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomicWrite';
import { readJsonFile } from '../fs/readJsonFile';
import { updateJournal } from '../edits/journal';
import { trackerFileName, type ReconcileTarget } from '../edits/reconcile';
import type { SkippedKeys } from '../tracker/trackerApi';
import { TrackerDocument } from '../tracker/trackerDocument';
import { newTrackerDocument } from '../tracker/newTracker';
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
	const file = path.join(target.dir, trackerFileName);
	return updateJournal(target.dir, async (journal) => {
		for (let attempt = 0; attempt < 5; attempt += 1) {
			const read = await readJsonFile(file);
			let doc: TrackerDocument | undefined;
			let baseText = '';
			if (read.state === 'missing' || read.state === 'empty') {
				doc = newTrackerDocument({ id: target.id, name: target.name, now: pythonIsoNow(), status: target.status, createdAt: target.createdAt });
			} else if (read.state === 'ok') {
				baseText = read.text;
				doc = TrackerDocument.parse(read.text);
			}
			if (!doc) {
				throw new Error(read.state === 'problem' ? `${read.problem.message} (${file}; left unchanged)` : `${file} is not a JSON object; left unchanged.`);
			}
			const skipped = call(doc, pythonIsoNow());
			if ((await readFile(file, 'utf8').catch(() => '')) === baseText) {
				await writeFileAtomic(file, doc.serialize());
				return { journal, result: { skipped } };
			}
		}
		throw new Error(`${file} kept changing while it was being updated (is a training process writing it?); try again.`);
	});
}
