import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import * as z from 'zod';
import { removeStaleAtomicTemps, writeFileAtomic } from '../fs/atomicWrite';
import { statIsCurrent } from '../fs/localFileSystem';
import { racyWindowMs } from '../fs/racyWindow';
import { runIoTaskBlocking } from '../fs/runIoTask';
import { runIoTaskRecorded, stampStillHolds, type RecordedRead } from '../fs/recordedRead';
import { timeDependentFields } from '../progress/timeDependent';
import { readRunSummaryTask, type ReadRunOptions } from '../runs/readRun';
import type { RunLocation, RunSummary } from '../runs/runModel';

/** Bump when the summary's fields or the reader's meaning change: caches of another format are ignored. */
const cacheFormat = 1;

export { racyWindowMs };

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

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isArrayOf = <T>(value: unknown, item: (entry: unknown) => entry is T): value is T[] => Array.isArray(value) && value.every(item);
const optional = (value: unknown, check: (entry: unknown) => boolean): boolean => value === undefined || check(value);

/** Every field of a summary has the type the rest of the program relies on. */
function isRunSummary(value: unknown): value is RunSummary {
	if (!isRecord(value)) {
		return false;
	}
	const run = value;
	return [run.dir, run.root, run.layout, run.id, run.name, run.status, run.statusSource, run.inferredStatus, run.description, run.configHash, run.createdAt, run.startedAt, run.completedAt].every(isString)
		&& optional(run.workspace, isString) && optional(run.currentEpoch, isNumber) && optional(run.totalEpochs, isNumber) && optional(run.trainingTimeSeconds, isNumber)
		&& [run.stale, run.metricsFinished, run.hasTrackerFile, run.editsInFile].every((flag) => typeof flag === 'boolean')
		&& isNumber(run.lastActivityMs) && isArrayOf(run.tags, isString)
		&& isRecord(run.bestMetrics) && Object.values(run.bestMetrics).every(isNumber) && isRecord(run.latestMetrics) && Object.values(run.latestMetrics).every(isNumber)
		&& isArrayOf(run.epochTimes, isRecord) && isArrayOf(run.pendingEdits, isRecord)
		&& isArrayOf(run.problems, (entry): entry is Record<string, unknown> => isRecord(entry) && [entry.kind, entry.severity, entry.file, entry.message].every(isString));
}

/**
 * One cached run: `[key, { paths, text, summary }]`, checked field by field with plain type
 * tests (zod per field would cost much of what the cache saves at 10,000 runs). The digest
 * proves the bytes are whole; this proves they are a cache of this shape, for the run the key
 * names: its stamp starts with that run's folder, so an entry can never be vouched for by
 * nothing.
 */
function isCachedEntry(value: unknown): value is [string, CachedRead] {
	if (!Array.isArray(value) || value.length !== 2 || !isString(value[0]) || !isRecord(value[1])) {
		return false;
	}
	const [key, entry] = value as [string, Record<string, unknown>];
	const summary = entry.summary;
	return isArrayOf(entry.paths, isString) && isString(entry.text) && isRunSummary(summary)
		&& key === keyOf(summary) && entry.paths[0] === summary.dir && entry.text.split('\n').length === entry.paths.length;
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

	/**
	 * Opens the cache in `file` (an empty one when it cannot be used). `producer` names the build
	 * of the program that may use it: any other build's summaries may have been read differently.
	 */
	static async open(file: string, producer: string): Promise<RunSummaryCache> {
		// The payload is in V8's serialization format, which another Node version may read
		// differently; epoch times are naive local times, so the time zone shapes summaries too.
		const tagged = `${producer}; format ${cacheFormat}; node ${process.versions.node}; tz ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
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
		if (!statIsCurrent(location.dir)) {
			// A network file system's stat may lag its content: such runs are always read.
			this.dirty = this.entries.delete(key) || this.dirty;
			return runIoTaskBlocking(readRunSummaryTask(location, options));
		}
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
			// Temp files of a save that was killed midway.
			await removeStaleAtomicTemps(path.dirname(this.file), 3600_000);
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
