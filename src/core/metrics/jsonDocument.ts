import { fileWindowTask, type IoTask, sleepTask } from '../fs/ioTask';
import { runIoTask } from '../fs/runIoTask';
import { type Problem, problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { parseJsonText } from './jsonText';

/** The outcome of {@link readJsonDocument}. */
export type JsonDocumentRead =
	| { readonly status: 'missing' }
	| { readonly status: 'parsed'; readonly value: unknown; readonly mtimeMs: number }
	| { readonly status: 'failed'; readonly problem: Problem; readonly mtimeMs: number };

/** Tuning for {@link readJsonDocument}. */
export interface JsonDocumentOptions {
	/** Wait before the one re-read after a parse failure (a torn, non-atomic rewrite), in ms; default 40. */
	readonly retryDelayMs?: number;
	/** Larger files are not read: a 'tooLarge' problem instead (default 64 MiB). */
	readonly maxBytes?: number;
}

/**
 * Reads and parses a whole-file JSON metrics document (bare `NaN`/`Infinity` accepted). Python
 * rewrites these files in place without locking, so a parse failure is retried once after a
 * short delay before it becomes a 'corrupt' problem. Never throws: a missing file is
 * `missing`; other I/O errors are an 'unreadable' problem.
 */
export function readJsonDocument(file: string, options?: JsonDocumentOptions): Promise<JsonDocumentRead> {
	return runIoTask(readJsonDocumentTask(file, options));
}

/** {@link readJsonDocument} as an I/O task, for either driver (see `IoTask`). */
export function* readJsonDocumentTask(file: string, options?: JsonDocumentOptions): IoTask<JsonDocumentRead> {
	const maxBytes = options?.maxBytes ?? 64 * 1024 * 1024;
	for (let attempt = 0; ; attempt++) {
		let mtimeMs = 0;
		try {
			// Exactly the size fstat reported; nothing at all when the file is over the limit.
			const window = yield* fileWindowTask(file, (size) => (size > maxBytes ? undefined : { start: 0, length: size }));
			mtimeMs = window.mtimeMs;
			if (window.size > maxBytes) {
				return { status: 'failed', problem: problem('tooLarge', file, `This metrics file is ${window.size} bytes, over the ${maxBytes}-byte limit: not read.`, 'warning'), mtimeMs };
			}
			const text = window.bytes.toString('utf8');
			const parsed = parseJsonText(text);
			if (parsed.ok) {
				return { status: 'parsed', value: parsed.value, mtimeMs };
			}
			if (attempt > 0) {
				const why = text.trim() === '' ? 'is empty (being written?)' : `is not valid JSON: ${parsed.message}`;
				return { status: 'failed', problem: problem('corrupt', file, `This metrics file ${why}.`, 'warning'), mtimeMs };
			}
		} catch (error) {
			if (isMissingFileError(error)) {
				return { status: 'missing' };
			}
			return { status: 'failed', problem: unreadableProblem(file, error), mtimeMs };
		}
		yield* sleepTask(options?.retryDelayMs ?? 40);
	}
}
