import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite';
import { fromPlain } from '../json/plain';
import { dumpPythonJson } from '../json/pythonJson';
import { withDirLock } from '../fs/dirLock';
import { editOpSchema, type EditOp } from './editOps';

/**
 * The run's edit journal: `<run>/.exptrack/journal.json`, a sidecar file of ours, because
 * `experiment_tracker.json` must never get a key CrackSeg does not know. Edits wait in
 * `pending` until the tracker file holds them and no writer can erase them; then they move to
 * `history`, which doubles as the run's audit trail.
 */
export const journalFolderName = '.exptrack';
const journalFileName = 'journal.json';
const historyLimit = 500;

const pendingEntrySchema = z.object({ seq: z.number().int(), by: z.string(), op: editOpSchema });
const historyEntrySchema = pendingEntrySchema.extend({
	outcome: z.enum(['applied', 'superseded', 'discarded']),
	resolvedAt: z.string(),
});

export const journalSchema = z.object({
	version: z.literal(1),
	pending: z.array(pendingEntrySchema),
	history: z.array(historyEntrySchema),
});

export type Journal = z.infer<typeof journalSchema>;
export type PendingEdit = z.infer<typeof pendingEntrySchema>;
export type ResolvedEdit = z.infer<typeof historyEntrySchema>;

export function journalPath(runDir: string): string {
	return path.join(runDir, journalFolderName, journalFileName);
}

function lockPath(runDir: string): string {
	return path.join(runDir, journalFolderName, 'journal.lock');
}

export function emptyJournal(): Journal {
	return { version: 1, pending: [], history: [] };
}

/** Raised when the journal exists but cannot be read; it is never overwritten then. */
export class JournalCorruptError extends Error {}

/** Reads the journal; an absent one is empty. A corrupt one throws {@link JournalCorruptError}. */
export async function readJournal(runDir: string): Promise<Journal> {
	let text: string;
	try {
		text = await readFile(journalPath(runDir), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return emptyJournal();
		}
		throw new JournalCorruptError(`${journalPath(runDir)} cannot be read: ${(error as Error).message}`);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new JournalCorruptError(`${journalPath(runDir)} is not valid JSON (${(error as Error).message}); edit or delete it by hand.`);
	}
	const parsed = journalSchema.safeParse(value);
	if (!parsed.success) {
		throw new JournalCorruptError(`${journalPath(runDir)} is not a journal this version understands (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
	}
	return parsed.data;
}

async function writeJournal(runDir: string, journal: Journal): Promise<void> {
	const trimmed = { ...journal, history: journal.history.slice(-historyLimit) };
	await mkdir(path.join(runDir, journalFolderName), { recursive: true });
	// Written as Python's json.dump would (ASCII escapes, no trailing newline), like every file here.
	await writeFileAtomic(journalPath(runDir), dumpPythonJson(fromPlain(trimmed)));
}

/**
 * Runs `update` on the journal under the run's journal lock and saves what it returns
 * (unless it returns the same object untouched). Every journal change goes through here,
 * so the extension and `exptrack` never lose each other's edits.
 */
export async function updateJournal<T>(runDir: string, update: (journal: Journal) => Promise<{ journal: Journal; result: T }>): Promise<T> {
	return withDirLock(lockPath(runDir), async () => {
		const current = await readJournal(runDir);
		const { journal, result } = await update(current);
		if (journal !== current) {
			await writeJournal(runDir, journal);
		}
		return result;
	});
}

/** Records an edit as pending and returns its sequence number. */
export async function appendEdit(runDir: string, op: EditOp, by: string): Promise<number> {
	return updateJournal(runDir, async (journal) => {
		const seq = Math.max(0, ...journal.pending.map((entry) => entry.seq), ...journal.history.map((entry) => entry.seq)) + 1;
		return { journal: { ...journal, pending: [...journal.pending, { seq, by, op }] }, result: seq };
	});
}
