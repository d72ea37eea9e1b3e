import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from '../fs/openRegularFile';
import { type Problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { JsonlRecordCollector, newlineOffsets, parseProvisionalLine } from './jsonlLines';

/** The last records of a JSONL file, from {@link readJsonlTail}. */
export interface JsonlTail {
	/** Parsed complete lines of the window, in file order, then the unterminated last line if it is a complete JSON object. */
	readonly records: unknown[];
	/** One per corrupt line of the window (their line numbers are unknown in a tail read). */
	readonly problems: Problem[];
}

/** A {@link JsonlTail} plus what the same open handle told about the file. */
export interface JsonlTailWithStat extends JsonlTail {
	/** False when the file does not exist (then everything else is empty or 0). */
	readonly exists: boolean;
	/** Modification time of the file, in ms since the epoch (0 when missing or unreadable). */
	readonly mtimeMs: number;
	/** File size in bytes (0 when missing or unreadable). */
	readonly size: number;
}

/** The default window of {@link readJsonlTail}: 16 KiB, about sixty per-epoch lines. */
export const defaultTailBytes = 16384;

/**
 * Reads only the last `maxBytes` of a JSONL file (one open, one stat, one read, one close, so
 * it stays cheap across 10,000 runs) and parses its last complete lines. The first line of the
 * window is dropped unless the window starts at offset 0, since it may be cut. Never throws: a
 * missing file gives no records; other I/O errors give an 'unreadable' problem.
 */
export async function readJsonlTail(file: string, maxBytes = defaultTailBytes): Promise<JsonlTail> {
	const { records, problems } = await readJsonlTailWithStat(file, maxBytes);
	return { records, problems };
}

/** {@link readJsonlTail}, also returning the file's existence, size and mtime from the same handle. */
export async function readJsonlTailWithStat(file: string, maxBytes = defaultTailBytes): Promise<JsonlTailWithStat> {
	let handle: FileHandle | undefined;
	try {
		handle = (await openRegularFile(file)).handle;
		const { size, mtimeMs } = await handle.stat();
		const start = Math.max(0, size - Math.max(1, maxBytes));
		const window = Buffer.alloc(size - start);
		const { bytesRead } = await handle.read(window, 0, window.length, start);
		const tail = parseWindow(file, window.subarray(0, bytesRead), start === 0);
		return { ...tail, exists: true, mtimeMs, size };
	} catch (error) {
		const problems = isMissingFileError(error) ? [] : [unreadableProblem(file, error)];
		return { records: [], problems, exists: !isMissingFileError(error), mtimeMs: 0, size: 0 };
	} finally {
		await handle?.close().catch(() => undefined);
	}
}

function parseWindow(file: string, window: Buffer, fromStart: boolean): JsonlTail {
	const ends = newlineOffsets(window);
	const collector = new JsonlRecordCollector(file);
	let lineStart = 0;
	ends.forEach((end, index) => {
		if (fromStart || index > 0) {
			collector.add(window.subarray(lineStart, end), fromStart ? index + 1 : undefined);
		}
		lineStart = end + 1;
	});
	collector.finish();
	const records = [...collector.records];
	const cutFirstLine = !fromStart && ends.length === 0;
	const provisional = cutFirstLine ? undefined : parseProvisionalLine(window.subarray(lineStart));
	if (provisional !== undefined) {
		records.push(provisional);
	}
	return { records, problems: collector.problems };
}
