import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from '../fs/openRegularFile';
import { type Problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { JsonlRecordCollector, newlineOffsets, parseProvisionalLine } from './jsonlLines';

/**
 * Where an append-only JSONL read stopped. Invariant: `offset` is just after a `\n` (or 0)
 * and `offset <= size`.
 */
export interface JsonlCursor {
	/** Bytes consumed: everything before this offset has been returned as complete lines. */
	readonly offset: number;
	/** The file size, in bytes, seen by the read that made this cursor. */
	readonly size: number;
	/** Complete lines consumed so far (the next line is `lineNumber + 1`, 1-based). */
	readonly lineNumber: number;
}

/** What one {@link readJsonlFrom} call found after the cursor. */
export interface JsonlChunk {
	/** The parsed complete lines after the cursor, in file order (any JSON value). */
	readonly records: unknown[];
	/** The 1-based line number of each record, parallel to `records`. */
	readonly lines: number[];
	/**
	 * The trailing segment without `\n`, when it is already a complete JSON object. It is NOT
	 * consumed: the cursor stays before it, so it comes back (as a record) once its newline lands.
	 */
	readonly provisional?: unknown;
	/** The cursor to pass to the next call. */
	readonly cursor: JsonlCursor;
	/** True when the file shrank or was rewritten (or vanished): the caller must drop what it had; `records` start from line 1. */
	readonly reset: boolean;
	/** True when the file does not exist (not a problem: the run has no such source). */
	readonly missing: boolean;
	/** The file's modification time, in ms since the epoch (0 when missing or unreadable). */
	readonly mtimeMs: number;
	/** One per corrupt line (named by line number; the line is skipped), or one 'unreadable'. */
	readonly problems: Problem[];
}

/** Tuning for {@link readJsonlFrom}. */
export interface JsonlReadOptions {
	/** Bytes per read call (default 1 MiB); lines may straddle reads. */
	readonly chunkBytes?: number;
}

const startOfFile: JsonlCursor = { offset: 0, size: 0, lineNumber: 0 };
const defaultChunkBytes = 1 << 20;

/**
 * Reads the complete lines appended to a JSONL file since `cursor` (the whole file without
 * one). Only bytes from `cursor.offset - 1` on are read: the one byte before the offset must
 * still be the `\n` that ended the last consumed line, otherwise the file was rewritten.
 * A file now smaller than the cursor's `size` or `offset`, or rewritten, is read again from
 * 0 with `reset: true`. Never throws: a missing file gives `missing: true`; other I/O errors
 * give an 'unreadable' problem and leave the cursor where it was.
 */
export async function readJsonlFrom(file: string, cursor?: JsonlCursor, options?: JsonlReadOptions): Promise<JsonlChunk> {
	const previous = cursor ?? startOfFile;
	let handle: FileHandle | undefined;
	try {
		handle = (await openRegularFile(file)).handle;
		const { size, mtimeMs } = await handle.stat();
		const intact = size >= previous.size && size >= previous.offset && await endsLineAt(handle, previous.offset);
		const start = intact ? previous : startOfFile;
		const collector = new JsonlRecordCollector(file);
		const tail = await readLines(handle, start, size, collector, options?.chunkBytes ?? defaultChunkBytes);
		collector.finish();
		const provisional = tail.rest.length > 0 ? parseProvisionalLine(tail.rest) : undefined;
		return {
			records: collector.records,
			lines: collector.lines.map((line) => line ?? 0),
			...(provisional === undefined ? {} : { provisional }),
			cursor: tail.cursor,
			reset: !intact,
			missing: false,
			mtimeMs,
			problems: collector.problems,
		};
	} catch (error) {
		if (isMissingFileError(error)) {
			return { records: [], lines: [], cursor: startOfFile, reset: previous.offset > 0 || previous.size > 0, missing: true, mtimeMs: 0, problems: [] };
		}
		return { records: [], lines: [], cursor: previous, reset: false, missing: false, mtimeMs: 0, problems: [unreadableProblem(file, error)] };
	} finally {
		await handle?.close().catch(() => undefined);
	}
}

async function endsLineAt(handle: FileHandle, offset: number): Promise<boolean> {
	if (offset === 0) {
		return true;
	}
	const byte = Buffer.alloc(1);
	const { bytesRead } = await handle.read(byte, 0, 1, offset - 1);
	return bytesRead === 1 && byte[0] === 0x0a;
}

/** Reads `[start.offset, size)` in chunks, feeding every complete line; returns the unterminated rest. */
async function readLines(handle: FileHandle, start: JsonlCursor, size: number, collector: JsonlRecordCollector, chunkBytes: number): Promise<{ cursor: JsonlCursor; rest: Buffer }> {
	let position = start.offset;
	let consumed = start.offset;
	let lineNumber = start.lineNumber;
	let rest = Buffer.alloc(0);
	while (position < size) {
		const chunk = Buffer.alloc(Math.min(chunkBytes, size - position));
		const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
		if (bytesRead === 0) {
			break;
		}
		position += bytesRead;
		const data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
		let lineStart = 0;
		for (const end of newlineOffsets(data)) {
			lineNumber++;
			collector.add(data.subarray(lineStart, end), lineNumber);
			lineStart = end + 1;
		}
		consumed += lineStart;
		rest = Buffer.from(data.subarray(lineStart));
	}
	return { cursor: { offset: consumed, size: position, lineNumber }, rest };
}
