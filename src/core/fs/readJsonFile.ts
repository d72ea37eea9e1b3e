import { isUtf8 } from 'node:buffer';
import type { WindowChoice } from './fileWindow';
import { fileWindowTask, type IoTask, lstatTask, sleepTask } from './ioTask';
import { countKeyTokens, measureParsed } from './jsonKeyCount';
import { NotARegularFileError } from './openRegularFile';
import { runIoTask } from './runIoTask';
import { parseLenient } from '../json/lenientParse';
import type { JsonNode } from '../json/jsonValue';
import { toPlain } from '../json/plain';
import { type Problem, problem } from '../problems';

/** What reading one JSON file of a run gave. */
export type JsonFileRead =
	| { readonly state: 'missing' }
	/** 0 bytes after the retries: for a tracker file, "created, never saved" (spec §0.3). */
	| { readonly state: 'empty'; readonly mtimeMs: number }
	| { readonly state: 'ok'; readonly value: unknown; readonly text: string; readonly mtimeMs: number; readonly size: number; readonly problems: readonly Problem[] }
	| { readonly state: 'problem'; readonly problem: Problem; readonly mtimeMs?: number };

export interface ReadJsonOptions {
	/** Files larger than this are reported, not read (default 8 MiB). */
	readonly maxBytes?: number;
	/** How long a file that keeps changing may stay unparseable before it is called corrupt (default 1.5 s). */
	readonly settleBudgetMs?: number;
	/** Report keys written twice (costs a scan; meant for small files such as the tracker file). */
	readonly detectDuplicateKeys?: boolean;
}

const defaultSettleBudgetMs = 1500;
/** A file changed less than this long ago may still be in the middle of a save. */
const quietMs = 300;

interface RawRead {
	readonly bytes: Buffer;
	readonly mtimeMs: number;
}

/**
 * Reads and parses a JSON file the way a run's files must be read: leniently (bare NaN and
 * Infinity, a BOM), and patiently, because Python rewrites files in place with a plain
 * `open("w")`: a parse failure or an empty file is read again after a short wait, and only
 * a file that stays broken while it stops changing is called corrupt. Never throws.
 */
export function readJsonFile(file: string, options: ReadJsonOptions = {}): Promise<JsonFileRead> {
	return runIoTask(readJsonFileTask(file, options));
}

/** {@link readJsonFile} as an I/O task, for either driver (see `IoTask`). */
export function* readJsonFileTask(file: string, options: ReadJsonOptions = {}): IoTask<JsonFileRead> {
	const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
	const deadline = Date.now() + (options.settleBudgetMs ?? defaultSettleBudgetMs);
	let previous: Buffer | undefined;
	for (let attempt = 0; ; attempt += 1) {
		const raw = yield* readRawTask(file, maxBytes);
		if ('state' in raw) {
			return raw;
		}
		const result = decode(raw, file, options.detectDuplicateKeys ?? false);
		if (result.state === 'ok') {
			return result;
		}
		// Settled: broken the same way twice and not modified for a moment (a writer can stall
		// between two writes of one save); or out of patience.
		const quiet = Date.now() - raw.mtimeMs > quietMs;
		if ((quiet && previous?.equals(raw.bytes)) || Date.now() > deadline) {
			return result;
		}
		// A torn or empty read: the writer may be between its truncate and its last write.
		// The jitter keeps the retries from falling into step with a writer's period.
		// A copy: the bytes of a window are only valid until the next yield (see IoTask).
		previous = Buffer.from(raw.bytes);
		yield* sleepTask(Math.min(40, 5 * 2 ** attempt) + Math.random() * 5);
	}
}

/** Exactly the size fstat reported: a file that grows meanwhile is cut, fails to parse and is read again. */
function* readRawTask(file: string, maxBytes: number): IoTask<RawRead | JsonFileRead> {
	const choose: WindowChoice = (size) => (size > maxBytes ? undefined : { start: 0, length: size });
	try {
		const window = yield* fileWindowTask(file, choose);
		if (window.size > maxBytes) {
			return { state: 'problem', mtimeMs: window.mtimeMs, problem: problem('tooLarge', file, `The file is ${formatBytes(window.size)}, more than the ${formatBytes(maxBytes)} a run file should need; not read.`) };
		}
		return { bytes: window.bytes, mtimeMs: window.mtimeMs };
	} catch (error) {
		return yield* openFailureTask(file, error);
	}
}

function* openFailureTask(file: string, error: unknown): IoTask<JsonFileRead> {
	if (error instanceof NotARegularFileError) {
		return { state: 'problem', problem: problem('unreadable', file, `This is ${error.kind}, not a file: it is not read.`) };
	}
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			// A symbolic link that points nowhere is a problem to show, not an absent file.
			let dangling = false;
			try {
				dangling = (yield* lstatTask(file)).isSymbolicLink();
			} catch {
				dangling = false;
			}
			return dangling ? { state: 'problem', problem: problem('unreadable', file, 'The file is a symbolic link that points nowhere.') } : { state: 'missing' };
		}
		case 'EISDIR':
			return { state: 'problem', problem: problem('unreadable', file, 'A folder stands where this file should be.') };
		case 'ENOTDIR':
			return { state: 'problem', problem: problem('unreadable', file, 'The file cannot be read: a file stands where a folder of its path should be.') };
		case 'ELOOP':
			return { state: 'problem', problem: problem('unreadable', file, 'The file is a symbolic link that loops back on itself.') };
		case 'EACCES':
		case 'EPERM':
			return { state: 'problem', problem: problem('unreadable', file, 'Permission denied: the file cannot be read.') };
		default:
			return { state: 'problem', problem: problem('unreadable', file, `The file cannot be read (${code ?? String(error)}).`) };
	}
}

function decode(raw: RawRead, file: string, detectDuplicateKeys: boolean): JsonFileRead {
	const { bytes, mtimeMs } = raw;
	if (bytes.length === 0) {
		return { state: 'empty', mtimeMs };
	}
	const problems: Problem[] = [];
	let start = 0;
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		start = 3;
		problems.push(problem('encoding', file, 'The file starts with a UTF-8 byte-order mark, which CrackSeg\'s loader rejects (it would discard and truncate the file).', 'warning'));
	} else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return { state: 'problem', mtimeMs, problem: problem('encoding', file, 'The file is UTF-16; CrackSeg reads and writes UTF-8 JSON.') };
	} else if (bytes.subarray(0, 4096).includes(0)) {
		// JSON text never holds a NUL byte: UTF-16 without a byte-order mark, or binary data.
		return { state: 'problem', mtimeMs, problem: problem('encoding', file, 'The file holds NUL bytes: it is UTF-16 or binary, not the UTF-8 JSON CrackSeg writes.') };
	}
	const body = bytes.subarray(start);
	if (!isUtf8(body)) {
		return { state: 'problem', mtimeMs, problem: problem('encoding', file, 'The file is not valid UTF-8 text (binary data or another encoding).') };
	}
	const text = body.toString('utf8');
	const value = parseText(text, detectDuplicateKeys);
	if (!value.ok) {
		return { state: 'problem', mtimeMs, problem: problem('corrupt', file, `Not valid JSON: ${value.message}`) };
	}
	problems.push(...value.duplicateKeys.map((path) => problem('duplicateKey', file, `The key ${path} is written twice; the last value is used, as in Python.`, 'warning')));
	return { state: 'ok', value: value.value, text, mtimeMs, size: bytes.length, problems };
}

type ParsedText = { ok: true; value: unknown; duplicateKeys: readonly string[] } | { ok: false; message: string };

/** Native JSON.parse first (fast, and most files are strict JSON); the lenient parser for NaN & co. */
function parseText(text: string, detectDuplicateKeys: boolean): ParsedText {
	try {
		const value: unknown = JSON.parse(text);
		const shape = measureParsed(value, maxNesting);
		if (shape.depth > maxNesting) {
			return { ok: false, message: `the data is nested more than ${maxNesting} levels deep (Python's json module gives up on such files too)` };
		}
		// JSON.parse silently keeps the last of duplicate keys; only the lenient parser can tell
		// which, and it is needed only when the text holds more keys than the parsed value.
		if (!detectDuplicateKeys || countKeyTokens(text) === shape.keys) {
			return { ok: true, value, duplicateKeys: [] };
		}
	} catch {
		// Bare NaN/Infinity, or corrupt: the lenient parser tells which.
	}
	const parsed = parseLenient(text);
	if (!parsed.ok) {
		return { ok: false, message: parsed.error.message };
	}
	return { ok: true, value: toPlain(parsed.value as JsonNode), duplicateKeys: parsed.duplicateKeys };
}

/** The lenient parser's limit too: deeper data would overflow recursive readers downstream. */
const maxNesting = 512;

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
