import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { type JsonFileRead, readJsonFile } from '../fs/readJsonFile';
import { newTrackerDocument } from '../tracker/newTracker';
import { pythonIsoNow } from '../tracker/timestamps';
import { TrackerDocument } from '../tracker/trackerDocument';

export const trackerFileName = 'experiment_tracker.json';

/** The run a write is for, with what seeds its tracker file when it has none (from its info file). */
export interface ReconcileTarget {
	readonly dir: string;
	readonly id: string;
	readonly name: string;
	/** The info file's status and creation time, so a created tracker file keeps the recorded state. */
	readonly status?: string;
	readonly createdAt?: string;
}

/** A tracker file read for a write: the document to change and the text it came from. */
export type TrackerForWrite =
	| { readonly ok: true; readonly doc: TrackerDocument; readonly baseText: string; readonly read: JsonFileRead }
	/** Corrupt or unreadable: never rewritten. */
	| { readonly ok: false; readonly reason: string };

/**
 * Reads a run's tracker file losslessly for a write. A missing or 0-byte file gives a new
 * 32-key document seeded from the target; a file that is not a JSON object gives a reason.
 */
export async function readTrackerForWrite(target: ReconcileTarget): Promise<TrackerForWrite> {
	const read = await readJsonFile(path.join(target.dir, trackerFileName));
	if (read.state === 'missing' || read.state === 'empty') {
		const doc = newTrackerDocument({ id: target.id, name: target.name, now: pythonIsoNow(), status: target.status, createdAt: target.createdAt });
		return { ok: true, doc, baseText: '', read };
	}
	const doc = read.state === 'ok' ? TrackerDocument.parse(read.text) : undefined;
	if (!doc) {
		return { ok: false, reason: read.state === 'problem' ? read.problem.message : 'The tracker file is not a JSON object.' };
	}
	return { ok: true, doc, baseText: read.state === 'ok' ? read.text : '', read };
}

/**
 * Replaces the tracker file with `doc` only if it still holds `baseText` (compare-and-swap):
 * a writer that saved in between wins, and false is returned. The file is read again exactly
 * as {@link readTrackerForWrite} read it (a byte-order mark dropped, UTF-16 decoded), so that
 * the same file always compares equal.
 */
export async function writeTrackerIfUnchanged(dir: string, doc: TrackerDocument, baseText: string): Promise<boolean> {
	const file = path.join(dir, trackerFileName);
	const current = await readJsonFile(file);
	const currentText = current.state === 'ok' ? current.text : current.state === 'missing' || current.state === 'empty' ? '' : undefined;
	if (currentText !== baseText) {
		return false;
	}
	await writeFileAtomic(file, doc.serialize());
	return true;
}
