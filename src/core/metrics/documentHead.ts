import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from '../fs/openRegularFile';
import { type Problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { readJsonDocument } from './jsonDocument';
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
export async function readDocumentHead(file: string, name: string, enough: (head: Record<string, unknown>) => boolean, headBytes = defaultHeadBytes): Promise<DocumentHeadRead | undefined> {
	let handle: FileHandle | undefined;
	let text: string;
	let whole: boolean;
	let mtimeMs: number;
	try {
		handle = (await openRegularFile(file)).handle;
		const info = await handle.stat();
		const buffer = Buffer.alloc(Math.min(info.size, headBytes));
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
		text = buffer.subarray(0, bytesRead).toString('utf8');
		whole = bytesRead >= info.size;
		mtimeMs = info.mtimeMs;
	} catch (error) {
		return isMissingFileError(error) ? undefined : { mtimeMs: 0, problems: [unreadableProblem(file, error)] };
	} finally {
		await handle?.close().catch(() => undefined);
	}
	const parsed = whole ? parseJsonText(text) : undefined;
	if (parsed?.ok) {
		return fromDocument(name, parsed.value, file, mtimeMs);
	}
	const head = headToObject(scanJsonHead(text));
	if (!whole && enough(head)) {
		return fromDocument(name, head, file, mtimeMs);
	}
	const read = await readJsonDocument(file);
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
