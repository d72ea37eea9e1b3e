import type { Problem } from '../problems';
import { type JsonlCursor, readJsonlFrom } from './jsonlReader';

/** What a follower holds after a read: the newest records and the file's mtime. */
export interface FollowedLog {
	/** The newest complete records (at most `keep`), then the provisional last line if any. */
	readonly records: readonly unknown[];
	readonly mtimeMs: number;
	readonly problems: readonly Problem[];
}

/**
 * Follows an append-only JSONL file (a live run's `validation_metrics.jsonl`): the first read
 * takes the whole file once, every later read only the bytes appended since (a rewritten or
 * truncated file starts over). Keeps only the newest `keep` records, so following a run costs
 * a few kilobytes however long it trains.
 */
export class JsonlFollower {
	private cursor: JsonlCursor | undefined;
	private recent: unknown[] = [];

	constructor(readonly file: string, private readonly keep = 16) {}

	/** Reads what was appended since the last call. */
	async read(): Promise<FollowedLog> {
		const chunk = await readJsonlFrom(this.file, this.cursor);
		if (chunk.reset || chunk.missing) {
			this.recent = [];
		}
		this.cursor = chunk.cursor;
		this.recent = [...this.recent, ...chunk.records].slice(-this.keep);
		const records = chunk.provisional === undefined ? this.recent : [...this.recent, chunk.provisional];
		return { records, mtimeMs: chunk.mtimeMs, problems: chunk.problems };
	}

	/** Bytes consumed so far (for tests and diagnostics). */
	get offset(): number {
		return this.cursor?.offset ?? 0;
	}
}
