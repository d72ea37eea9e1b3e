import { fileWindowTask, type IoTask } from '../fs/ioTask';
import { runIoTask } from '../fs/runIoTask';
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
	/** The window held fewer than the `lastLines` asked for and did not reach the start of the file. */
	readonly short: boolean;
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

/**
 * {@link readJsonlTail}, also returning the file's existence, size and mtime from the same
 * handle. With `lastLines`, only the last that many complete lines of the window are decoded
 * and parsed (lines before them are neither parsed nor checked).
 */
export function readJsonlTailWithStat(file: string, maxBytes = defaultTailBytes, lastLines = Number.POSITIVE_INFINITY): Promise<JsonlTailWithStat> {
	return runIoTask(readJsonlTailTask(file, maxBytes, lastLines));
}

/** {@link readJsonlTailWithStat} as an I/O task, for either driver (see `IoTask`). */
export function* readJsonlTailTask(file: string, maxBytes = defaultTailBytes, lastLines = Number.POSITIVE_INFINITY): IoTask<JsonlTailWithStat> {
	try {
		const window = yield* fileWindowTask(file, (size) => ({ start: Math.max(0, size - Math.max(1, maxBytes)), length: Math.max(1, maxBytes) }));
		const tail = parseWindow(file, window.bytes, window.start === 0, lastLines);
		return { ...tail, exists: true, mtimeMs: window.mtimeMs, size: window.size };
	} catch (error) {
		const problems = isMissingFileError(error) ? [] : [unreadableProblem(file, error)];
		return { records: [], problems, exists: !isMissingFileError(error), mtimeMs: 0, size: 0, short: false };
	}
}

function parseWindow(file: string, window: Buffer, fromStart: boolean, lastLines: number): JsonlTail & { short: boolean } {
	const ends = newlineOffsets(window);
	// Line i runs from ends[i - 1] + 1 (or 0) to ends[i]; the window's first line may be cut.
	const firstWhole = fromStart ? 0 : 1;
	const first = Math.max(firstWhole, ends.length - lastLines);
	const collector = new JsonlRecordCollector(file);
	for (let index = first; index < ends.length; index++) {
		const lineStart = index === 0 ? 0 : ends[index - 1]! + 1;
		collector.add(window.subarray(lineStart, ends[index]), fromStart ? index + 1 : undefined);
	}
	collector.finish();
	const records = [...collector.records];
	const rest = ends.length === 0 ? 0 : ends[ends.length - 1]! + 1;
	const cutFirstLine = !fromStart && ends.length === 0;
	const provisional = cutFirstLine ? undefined : parseProvisionalLine(window.subarray(rest));
	if (provisional !== undefined) {
		records.push(provisional);
	}
	return { records, problems: collector.problems, short: !fromStart && ends.length - firstWhole < lastLines };
}
