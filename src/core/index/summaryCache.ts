import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite';
import { runIoTaskRecorded, stampStillHolds, type RecordedRead } from '../fs/recordedRead';
import { timeDependentFields } from '../progress/timeDependent';
import { readRunSummaryTask, type ReadRunOptions } from '../runs/readRun';
import type { RunLocation, RunSummary } from '../runs/runModel';

/** Bump when the summary's fields or the reader's meaning change: caches of another format are ignored. */
const cacheFormat = 1;

/**
 * A read is cached only when every path it depended on last changed at least this long before
 * it: a write in the same clock tick as the read would leave the stats unchanged (git's "racy"
 * index entries), and some filesystems keep modification times to the second or two.
 */
export const racyWindowMs = 3000;

/** Cache files nobody used for this long are deleted when a cache in the same folder is saved. */
const unusedCacheDays = 30;

/** Cache files are `runs-<hash of the roots>.cache`. */
const cacheFilePattern = /^runs-[0-9a-f]{24}\.cache$/;

const envelopeSchema = z.object({
	format: z.literal(cacheFormat),
	producer: z.string(),
	digest: z.string(),
	payload: z.instanceof(Uint8Array),
});

/**
 * One cached run: `[key, { paths, text, summary }]`. A plain predicate, not a zod object per
 * field: the digest has already proved the bytes are the ones this program wrote, and checking
 * 10,000 summaries field by field would cost most of what the cache saves. It checks what is
 * used before the summary is handed on: the stamp, and the summary's identity and clock fields.
 */
function isCachedEntry(value: unknown): value is [string, CachedRead] {
	if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') {
		return false;
	}
	const entry = value[1] as Partial<CachedRead> | undefined;
	const summary = entry?.summary as Partial<RunSummary> | undefined;
	return Array.isArray(entry?.paths) && entry.paths.every((item) => typeof item === 'string') && typeof entry.text === 'string'
		&& typeof summary === 'object' && summary !== null && typeof summary.dir === 'string' && typeof summary.id === 'string'
		&& typeof summary.status === 'string' && typeof summary.lastActivityMs === 'number' && typeof summary.statusSource === 'string';
}

const entriesSchema = z.array(z.custom<[string, CachedRead]>(isCachedEntry));

interface CachedRead {
	readonly paths: readonly string[];
	readonly text: string;
	readonly summary: RunSummary;
}

/** The cache file for a set of roots in `folder`. */
export function summaryCacheFile(folder: string, roots: ReadonlyArray<{ readonly root: string; readonly workspace?: string }>): string {
	const hash = createHash('sha256').update(JSON.stringify(roots.map((spec) => [spec.root, spec.workspace ?? '']))).digest('hex');
	return path.join(folder, `runs-${hash.slice(0, 24)}.cache`);
}

function keyOf(location: RunLocation): string {
	return `${location.layout}\n${location.root}\n${location.workspace ?? ''}\n${location.dir}`;
}

/**
 * Run summaries from the last load, each with the stats of every path its read depended on
 * (see `recordedRead`): a later load re-reads only the runs where one of those changed, and
 * stats the others. For a command-line process (`exptrack`), whose every start is a cold load:
 * it reads blocking, so never on the extension host's thread. A cache file that is missing,
 * corrupt, torn, or of another format or program version is ignored, never trusted: its
 * SHA-256 digest must match, and it is rewritten after the load.
 */
export class RunSummaryCache {
	private readonly used = new Set<string>();
	private dirty = false;
	/** Runs given from the cache, and runs read from their files, since the cache was opened. */
	readonly counts = { reused: 0, read: 0 };

	private constructor(readonly file: string, private readonly producer: string, private readonly entries: Map<string, CachedRead>) {}

	/** Opens the cache in `file` (an empty one when it cannot be used); `producer` names the program version that may use it. */
	static async open(file: string, producer: string): Promise<RunSummaryCache> {
		// The payload is in V8's serialization format: another Node version may read it differently.
		const tagged = `${producer}; node ${process.versions.node}`;
		return new RunSummaryCache(file, tagged, await readEntries(file, tagged));
	}

	/** Whether the cache holds a read of the run at `location`. */
	has(location: RunLocation): boolean {
		return this.entries.has(keyOf(location));
	}

	/** Runs the cache holds. */
	get size(): number {
		return this.entries.size;
	}

	/**
	 * One run's summary, as `readRunSummaryTask` would read it now, with blocking I/O: from the
	 * cache when every path the cached read depended on stats the same (its clock-dependent
	 * fields recomputed for `options.nowMs`), else from the run's files.
	 */
	read(location: RunLocation, options: ReadRunOptions): RunSummary | undefined | Promise<RunSummary | undefined> {
		const key = keyOf(location);
		this.used.add(key);
		const nowMs = options.nowMs ?? Date.now();
		const cached = this.entries.get(key);
		if (cached && stampStillHolds(cached)) {
			this.counts.reused++;
			return { ...cached.summary, ...timeDependentFields(cached.summary, nowMs, options.staleMinutes) };
		}
		this.counts.read++;
		const recorded = runIoTaskRecorded(readRunSummaryTask(location, options));
		return recorded instanceof Promise ? recorded.then((read) => this.remember(key, read, nowMs)) : this.remember(key, recorded, nowMs);
	}

	/**
	 * Writes the cache (only the runs read since it was opened) when anything changed. A cache
	 * that cannot be written is only a slower next start: false, never an error.
	 */
	async save(): Promise<boolean> {
		for (const key of this.entries.keys()) {
			if (!this.used.has(key)) {
				this.entries.delete(key);
				this.dirty = true;
			}
		}
		if (!this.dirty) {
			// Marks the file as used, so that no other load deletes it as abandoned.
			const now = new Date();
			return utimes(this.file, now, now).then(() => true, () => false);
		}
		try {
			const payload = serialize([...this.entries]);
			const digest = createHash('sha256').update(payload).digest('hex');
			await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
			await writeFileAtomic(this.file, serialize({ format: cacheFormat, producer: this.producer, digest, payload }), { mode: 0o600, durable: false });
			this.dirty = false;
			await removeUnusedCaches(path.dirname(this.file), this.file);
			return true;
		} catch {
			return false;
		}
	}

	private remember(key: string, read: RecordedRead<RunSummary | undefined>, nowMs: number): RunSummary | undefined {
		const { value, stamp } = read;
		if (value && stamp && nowMs - stamp.newestMs >= racyWindowMs) {
			this.entries.set(key, { paths: stamp.paths, text: stamp.text, summary: value });
			this.dirty = true;
		} else if (this.entries.delete(key)) {
			this.dirty = true;
		}
		return value;
	}
}

async function readEntries(file: string, producer: string): Promise<Map<string, CachedRead>> {
	try {
		const envelope = envelopeSchema.safeParse(deserialize(await readFile(file)));
		if (!envelope.success || envelope.data.producer !== producer) {
			return new Map();
		}
		const { payload, digest } = envelope.data;
		if (createHash('sha256').update(payload).digest('hex') !== digest) {
			return new Map();
		}
		const entries = entriesSchema.safeParse(deserialize(payload));
		return entries.success ? new Map(entries.data) : new Map();
	} catch {
		return new Map();
	}
}

/** Deletes the other cache files of `folder` that no load used for {@link unusedCacheDays}. */
async function removeUnusedCaches(folder: string, keep: string): Promise<void> {
	const cutoff = Date.now() - unusedCacheDays * 24 * 3600 * 1000;
	for (const name of await readdir(folder)) {
		const file = path.join(folder, name);
		if (cacheFilePattern.test(name) && file !== keep) {
			const info = await stat(file).catch(() => undefined);
			if (info && info.mtimeMs < cutoff) {
				await unlink(file).catch(() => undefined);
			}
		}
	}
}
