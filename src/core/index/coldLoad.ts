import { availableParallelism } from 'node:os';
import { mapLimit } from '../concurrency';
import type { Problem } from '../problems';
import { discoverRoot, type RootSpec } from '../runs/discover';
import { runIoTaskBlocking } from '../fs/runIoTask';
import { readRunSummary, readRunSummaryTask } from '../runs/readRun';
import type { RunLocation, RunSummary } from '../runs/runModel';
import { ScanWorkerPool, type ScanSettings } from './parallelLoad';
import type { RunSummaryCache } from './summaryCache';

/** How a cold load reads: see {@link coldLoad}. */
export interface ColdLoadOptions extends ScanSettings {
	/** Run folders read at once by this thread's async reads. */
	readonly concurrency: number;
	/** Worker threads; 0 reads in this thread only. */
	readonly workers: number;
	/** The workers are used from this many run folders on. */
	readonly workersFrom: number;
	/**
	 * Read in this thread with blocking I/O, no workers: for a short-lived command-line process,
	 * which no editor waits on and where starting workers costs more than they save.
	 */
	readonly blocking?: boolean;
	/** With `blocking`: summaries of the last load, re-read only where a file changed (see summaryCache.ts). */
	readonly cache?: RunSummaryCache;
}

/** Worker threads of a cold load by default: both cores of a typical laptop, never more than there are. */
export const defaultReadWorkers = Math.min(2, Math.max(1, availableParallelism()));

/** Below this many run folders a cold load reads in this thread: starting workers would cost more than it saves. */
export const defaultReadWorkersFrom = 400;

type RunRead = RunSummary | undefined;

/**
 * Discovers and reads every run of `roots`: one summary per run folder, in discovery order,
 * and the roots' own problems. With many folders the reads happen in worker threads (see
 * parallelLoad.ts) and this thread only discovers and merges, so the extension host stays
 * responsive; each root's listed folders go to the workers before its registry is even read.
 * With few, this thread reads them, with async I/O.
 */
export async function coldLoad(roots: readonly RootSpec[], options: ColdLoadOptions): Promise<{ runs: RunSummary[]; problems: Problem[] }> {
	const settings: ScanSettings = { staleMinutes: options.staleMinutes, nowMs: options.nowMs };
	const cache = options.cache;
	const inThread = options.blocking
		? (some: readonly RunLocation[]) => Promise.all(some.map((location) => cache ? cache.read(location, settings) : runIoTaskBlocking(readRunSummaryTask(location, settings))))
		: (some: readonly RunLocation[]) => mapLimit(some, options.concurrency, (location) => readRunSummary(location, settings));
	let pool: ScanWorkerPool | undefined;
	const listed: Array<{ locations?: readonly RunLocation[]; read?: Promise<RunRead[]> }> = roots.map(() => ({}));
	// Starts the workers once `count` folders are known, and hands them every listing not handed yet.
	const usePool = (count: number): ScanWorkerPool | undefined => {
		if (!options.blocking && options.workers > 0 && count >= options.workersFrom) {
			pool ??= new ScanWorkerPool(options.workers, settings, inThread);
		}
		for (const entry of listed) {
			if (pool && entry.locations && !entry.read) {
				entry.read = pool.read(entry.locations);
			}
		}
		return pool;
	};
	try {
		const discovered = await Promise.all(roots.map((root, index) => discoverRoot(root, (locations) => {
			listed[index]!.locations = locations;
			usePool(listed.reduce((sum, entry) => sum + (entry.locations?.length ?? 0), 0));
		})));
		const problems = discovered.flatMap((entry) => entry.problems);
		const workers = usePool(discovered.reduce((sum, entry) => sum + entry.locations.length, 0));
		if (!workers) {
			return { runs: defined(await inThread(discovered.flatMap((entry) => entry.locations))), problems };
		}
		// Per root: its listed folders (already reading), then the ones only its registry names.
		const reads = discovered.flatMap((entry, index) => [listed[index]!.read!, workers.read(entry.locations.slice(listed[index]!.locations!.length))]);
		return { runs: defined((await Promise.all(reads)).flat()), problems };
	} finally {
		pool?.close();
	}
}

function defined(reads: readonly RunRead[]): RunSummary[] {
	return reads.filter((run): run is RunSummary => run !== undefined);
}
