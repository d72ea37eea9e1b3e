import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { RunIndex } from '../src/core/index/runIndex';
import type { RootSpec } from '../src/core/runs/discover';
import { type LatencyResult, measureEventLatency } from './eventLatency';
import type { GeneratedRun, GeneratedWorkspace } from './generateRuns';
import { measureRefresh, type RefreshTimes, settledHeap, spread, staleMinutes } from './measures';
import { sleep } from './stats';

/** Everything measured on one live index of the main workspace. */
export interface LiveResults {
	/** Heap the loaded index holds, in bytes (settled heap after load minus before). */
	readonly heapIndexBytes: number;
	/** The same with the watcher running. */
	readonly heapWatchingBytes: number;
	/** `watch({ polling: false })` until chokidar is ready, in ms. */
	readonly watchStartMs: number;
	/** Whether the watcher polls after start (it falls back to polling on a watcher error). */
	readonly polling: boolean;
	/** inotify watches this process holds while watching (Linux only; undefined elsewhere). */
	readonly inotifyWatches?: number;
	readonly warnings: readonly string[];
	/** refreshRun of runs with metrics files (the runs that change while training). */
	readonly refreshMetrics: RefreshTimes;
	/** refreshRun of runs without metrics files (tracker and info only). */
	readonly refreshPlain: RefreshTimes;
	readonly latency: readonly LatencyResult[];
}

/** Counts the inotify watches of this process from /proc/self/fdinfo; undefined where there is no such folder. */
function countInotifyWatches(): number | undefined {
	let fds: string[];
	try {
		fds = readdirSync('/proc/self/fdinfo');
	} catch {
		return undefined;
	}
	let watches = 0;
	for (const fd of fds) {
		try {
			watches += readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').filter((line) => line.startsWith('inotify wd:')).length;
		} catch {
			// The descriptor closed while we looked: it held no watch of ours.
		}
	}
	return watches;
}

/** Runs matching `preferred` first, then those matching `fallback`, `count` spread over each group. */
function pick(runs: readonly GeneratedRun[], count: number, preferred: (run: GeneratedRun) => boolean, fallback: (run: GeneratedRun) => boolean): GeneratedRun[] {
	const first = runs.filter(preferred);
	const chosen = spread(first, count);
	return chosen.length >= count ? chosen : [...chosen, ...spread(runs.filter((run) => !preferred(run) && fallback(run)), count - chosen.length)];
}

/**
 * Loads one index over the workspace and measures, in this order: its heap, the watcher's
 * start-up and heap, one-run re-reads, then write → event latency for appended epochs and for
 * tracker rewrites (each on different running runs, one write at a time).
 */
export async function measureLiveIndex(generated: GeneratedWorkspace, writes: number): Promise<LiveResults> {
	const spec: RootSpec = { root: generated.root, workspace: generated.workspace };
	const before = settledHeap();
	const index = new RunIndex({ roots: [spec], staleMinutes });
	const warnings: string[] = [];
	const subscription = index.onDidChange((event) => {
		if (event.type === 'warning') {
			warnings.push(event.message);
		}
	});
	try {
		await index.load();
		const heapIndexBytes = settledHeap() - before;
		const start = performance.now();
		await index.watch({ polling: false });
		const watchStartMs = performance.now() - start;
		// Let chokidar's own start-up work settle before its heap is counted.
		await sleep(500);
		const heapWatchingBytes = settledHeap() - before;
		const inotifyWatches = countInotifyWatches();
		const refreshMetrics = await measureRefresh(index, spread(generated.runs.filter((run) => run.plan.hasMetrics), 300));
		const refreshPlain = await measureRefresh(index, spread(generated.runs.filter((run) => !run.plan.hasMetrics), 300));
		const running = (run: GeneratedRun) => run.plan.status === 'running';
		const appendRuns = pick(generated.runs, writes, (run) => running(run) && run.plan.hasMetrics, (run) => run.plan.hasMetrics);
		const used = new Set(appendRuns);
		const trackerRuns = pick(generated.runs.filter((run) => !used.has(run)), writes, (run) => running(run) && run.plan.hasTracker, (run) => run.plan.hasTracker);
		const latency = [await measureEventLatency(index, appendRuns, 'append'), await measureEventLatency(index, trackerRuns, 'tracker')];
		return { heapIndexBytes, heapWatchingBytes, watchStartMs, polling: index.isPolling, ...(inotifyWatches === undefined ? {} : { inotifyWatches }), warnings, refreshMetrics, refreshPlain, latency };
	} finally {
		subscription.dispose();
		index.dispose();
		// dispose() closes the watcher without waiting; give it time before the files go.
		await sleep(300);
	}
}
