import { fileWindowTask, type IoTask } from '../fs/ioTask';
import { runIoTask } from '../fs/runIoTask';
import { type Problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { readJsonDocumentTask } from './jsonDocument';
import { headToObject, scanJsonHead } from './jsonHead';
import { parseJsonText } from './jsonText';
import { type MetricsSourceData } from './metricsModel';
import { parseMetricsDocument } from './metricsSources';

/** Bytes read from the start of a JSON metrics document by {@link readDocumentHead}. */
export const defaultHeadBytes = 2048;

/** What {@link readDocumentHead} found: the source (from the head when enough), the file's mtime, problems. */
export interface DocumentHeadRead {
	/** `undefined` when the file is missing, unreadable or corrupt. */
	readonly data?: MetricsSourceData;
	readonly mtimeMs: number;
	readonly problems: Problem[];
}

/**
 * Parses a whole-file metrics document (by name, see `parseMetricsDocument`) from its first
 * `headBytes` only, when that is enough: the whole file fits, or the scalars in the head
 * satisfy `enough`. Otherwise it falls back to a full read (with the torn-write retry).
 * Returns `undefined` when the file does not exist. Never throws.
 */
export function readDocumentHead(file: string, name: string, enough: (head: Record<string, unknown>) => boolean, headBytes = defaultHeadBytes): Promise<DocumentHeadRead | undefined> {
	return runIoTask(readDocumentHeadTask(file, name, enough, headBytes));
}

/** {@link readDocumentHead} as an I/O task, for either driver (see `IoTask`). */
export function* readDocumentHeadTask(file: string, name: string, enough: (head: Record<string, unknown>) => boolean, headBytes = defaultHeadBytes): IoTask<DocumentHeadRead | undefined> {
	let text: string;
	let whole: boolean;
	let mtimeMs: number;
	try {
		const window = yield* fileWindowTask(file, (size) => ({ start: 0, length: Math.min(size, headBytes) }));
		text = window.bytes.toString('utf8');
		whole = window.bytes.length >= window.size;
		mtimeMs = window.mtimeMs;
	} catch (error) {
		return isMissingFileError(error) ? undefined : { mtimeMs: 0, problems: [unreadableProblem(file, error)] };
	}
	const parsed = whole ? parseJsonText(text) : undefined;
	if (parsed?.ok) {
		return fromDocument(name, parsed.value, file, mtimeMs);
	}
	const head = headToObject(scanJsonHead(text));
	if (!whole && enough(head)) {
		return fromDocument(name, head, file, mtimeMs);
	}
	const read = yield* readJsonDocumentTask(file);
	switch (read.status) {
		case 'missing': return undefined;
		case 'failed': return { mtimeMs: read.mtimeMs, problems: [read.problem] };
		default: return fromDocument(name, read.value, file, read.mtimeMs);
	}
}

function fromDocument(name: string, document: unknown, file: string, mtimeMs: number): DocumentHeadRead {
	const data = parseMetricsDocument(name, document, file);
	return data === undefined ? { mtimeMs, problems: [] } : { data, mtimeMs, problems: data.problems };
}
