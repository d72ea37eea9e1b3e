import { lstat } from 'node:fs/promises';
import { NotARegularFileError, openRegularFile, readUpTo } from './openRegularFile';
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
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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
export async function readJsonFile(file: string, options: ReadJsonOptions = {}): Promise<JsonFileRead> {
	const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
	const deadline = Date.now() + (options.settleBudgetMs ?? defaultSettleBudgetMs);
	let previous: Buffer | undefined;
	for (let attempt = 0; ; attempt += 1) {
		const raw = await readRaw(file, maxBytes);
		if ('state' in raw) {
			return raw;
		}
		const result = decode(raw, file, options.detectDuplicateKeys ?? false);
		// Settled: parsed; or broken the same way twice and not modified for a moment (a writer
		// can stall between two writes of one save); or out of patience.
		const quiet = Date.now() - raw.mtimeMs > quietMs;
		if (result.state === 'ok' || (quiet && previous?.equals(raw.bytes)) || Date.now() > deadline) {
			return result;
		}
		// A torn or empty read: the writer may be between its truncate and its last write.
		// The jitter keeps the retries from falling into step with a writer's period.
		previous = raw.bytes;
		await new Promise((resolve) => setTimeout(resolve, Math.min(40, 5 * 2 ** attempt) + Math.random() * 5));
	}
}

async function readRaw(file: string, maxBytes: number): Promise<RawRead | JsonFileRead> {
	let opened;
	try {
		opened = await openRegularFile(file);
	} catch (error) {
		return openFailure(file, error);
	}
	const { handle, info } = opened;
	try {
		if (info.size > maxBytes) {
			return { state: 'problem', mtimeMs: info.mtimeMs, problem: problem('tooLarge', file, `The file is ${formatBytes(info.size)}, more than the ${formatBytes(maxBytes)} a run file should need; not read.`) };
		}
		// Read what fstat reported (plus a little: Python may be appending right now), never more.
		const bytes = await readUpTo(handle, Math.min(maxBytes, info.size + 64 * 1024));
		return { bytes, mtimeMs: info.mtimeMs };
	} catch (error) {
		return openFailure(file, error);
	} finally {
		await handle.close().catch(() => undefined);
	}
}

async function openFailure(file: string, error: unknown): Promise<JsonFileRead> {
	if (error instanceof NotARegularFileError) {
		return { state: 'problem', problem: problem('unreadable', file, `This is ${error.kind}, not a file: it is not read.`) };
	}
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			// A symbolic link that points nowhere is a problem to show, not an absent file.
			return (await lstat(file).then((info) => info.isSymbolicLink(), () => false))
				? { state: 'problem', problem: problem('unreadable', file, 'The file is a symbolic link that points nowhere.') }
				: { state: 'missing' };
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
	let text: string;
	try {
		text = utf8.decode(bytes.subarray(start));
	} catch {
		return { state: 'problem', mtimeMs, problem: problem('encoding', file, 'The file is not valid UTF-8 text (binary data or another encoding).') };
	}
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
		if (nestingDepth(value) > maxNesting) {
			return { ok: false, message: `the data is nested more than ${maxNesting} levels deep (Python's json module gives up on such files too)` };
		}
		// JSON.parse silently keeps the last of duplicate keys; only the lenient parser can tell.
		if (!detectDuplicateKeys || !mayHaveDuplicateKeys(text)) {
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

/** Nesting depth of a parsed value, counted without recursion; stops early past the limit. */
function nestingDepth(root: unknown): number {
	let deepest = 0;
	const stack: Array<[unknown, number]> = [[root, 0]];
	while (stack.length > 0) {
		const [value, depth] = stack.pop()!;
		if (typeof value !== 'object' || value === null) {
			continue;
		}
		deepest = Math.max(deepest, depth + 1);
		if (deepest > maxNesting) {
			return deepest;
		}
		for (const child of Array.isArray(value) ? value : Object.values(value)) {
			if (typeof child === 'object' && child !== null) {
				stack.push([child, depth + 1]);
			}
		}
	}
	return deepest;
}

/** Cheap pre-check: only objects with repeated `"key":` texts need the slower duplicate scan. */
function mayHaveDuplicateKeys(text: string): boolean {
	const seen = new Set<string>();
	const keyPattern = /"((?:[^"\\]|\\.)*)"\s*:/g;
	for (let match = keyPattern.exec(text); match; match = keyPattern.exec(text)) {
		if (seen.has(match[1]!)) {
			return true;
		}
		seen.add(match[1]!);
	}
	return false;
}

function formatBytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
