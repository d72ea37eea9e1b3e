/**
 * Something wrong with a run's files, kept as data on the run (never an exception that
 * escapes): the UI shows it on the run, the CLI prints it, and the other runs still show.
 */
export interface Problem {
	readonly kind: ProblemKind;
	/** The file concerned: absolute path. */
	readonly file: string;
	/** One clear sentence for a human: what is wrong and, where useful, what it means. */
	readonly message: string;
	readonly severity: ProblemSeverity;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

export type ProblemKind =
	/** Not valid JSON (after the torn-write retries), or a JSON line that is not. */
	| 'corrupt'
	/** Exists but cannot be read: permissions, a directory where a file should be, a symlink loop. */
	| 'unreadable'
	/** Larger than the reader accepts for this kind of file. */
	| 'tooLarge'
	/** Not UTF-8 (UTF-16, binary) or starts with a byte-order mark, which Python's loader rejects. */
	| 'encoding'
	/** Valid JSON of the wrong shape: top level, or a field of the wrong type (Python defaults shown instead). */
	| 'invalidField'
	/** A key CrackSeg's loader does not know: Python would discard and truncate this file. */
	| 'unknownKey'
	/** A key written twice (the last value wins, as in Python). */
	| 'duplicateKey'
	/** A status string outside created/running/completed/failed/aborted (kept as written). */
	| 'unknownStatus'
	/** An artifact path recorded by the run that does not exist on disk. */
	| 'missingArtifact'
	/** config.json does not hash to the recorded config_hash, or a checksum differs. */
	| 'checksumMismatch'
	/** A user edit that could not be written into the file (kept in the run's journal). */
	| 'pendingEdit';

/** Builds a problem; a small helper so call sites read as sentences. */
export function problem(kind: ProblemKind, file: string, message: string, severity: ProblemSeverity = 'error'): Problem {
	return { kind, file, message, severity };
}
