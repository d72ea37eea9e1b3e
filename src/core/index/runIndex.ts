import * as path from 'node:path';
import { mapLimit } from '../concurrency';
import { Emitter, type Disposable } from '../events';
import { JsonlFollower } from '../metrics/jsonlFollower';
import { timeDependentFields } from '../progress/timeDependent';
import { discoverRoot, type RootSpec } from '../runs/discover';
import { readRunSummary } from '../runs/readRun';
import type { RunLocation, RunSummary } from '../runs/runModel';
import { coldLoad, defaultReadWorkers, defaultReadWorkersFrom } from './coldLoad';
import type { RunSummaryCache } from './summaryCache';

import { type Problem } from '../problems';
import { RunDebouncer } from './runDebouncer';
import { matchesQuery, type RunQuery } from './runQuery';
import { RunWatcher } from './runWatcher';

/** What changed in the index. Listeners get one event per run, or `reset` after a full load. */
export type RunIndexEvent =
	| { readonly type: 'added'; readonly run: RunSummary }
	| { readonly type: 'changed'; readonly run: RunSummary; readonly previous: RunSummary }
	| { readonly type: 'removed'; readonly run: RunSummary }
	| { readonly type: 'reset' }
	| { readonly type: 'warning'; readonly message: string };

export interface RunIndexOptions {
	readonly roots: readonly RootSpec[];
	readonly staleMinutes: number;
	/** Run folders read at once by this thread's async reads (default 32). */
	readonly concurrency?: number;
	/** Worker threads for a cold load (default 2, or 1 on a single CPU); 0 reads in this thread only. */
	readonly readWorkers?: number;
	/** A cold load uses the workers from this many run folders on (default 400: below, starting them costs more than it saves). */
	readonly readWorkersFrom?: number;
	/** Cold-load with blocking reads in this thread (a command-line process only: never the extension host). */
	readonly blockingLoad?: boolean;
	/** With `blockingLoad`: summaries of the last load, re-read only where a file changed. */
	readonly summaryCache?: RunSummaryCache;
	/** Quiet time after a run's last file event before it is re-read (default 40 ms). */
	readonly debounceMs?: number;
	/** A run that keeps changing is still re-read at least this often (default 250 ms). */
	readonly maxWaitMs?: number;
	readonly clock?: () => number;
}

/** How many run folders are read at once by default. */
export const defaultReadConcurrency = 32;

/** Runs whose logs are followed incrementally at most (the ones changing now). */
const maxFollowers = 64;

/**
 * The live index of runs: one summary per run folder across every root, kept fresh by the
 * watcher (only the run that changed is re-read), with typed events by run. On the calling
 * thread all I/O is async and bounded (a cold load of many runs reads in worker threads); the
 * extension host and `exptrack` both use it.
 */
export class RunIndex implements Disposable {
	private readonly runs = new Map<string, RunSummary>();
	private readonly followers = new Map<string, JsonlFollower>();
	private readonly emitter = new Emitter<RunIndexEvent>();
	private readonly debouncer: RunDebouncer<RunLocation>;
	private watcher: RunWatcher | undefined;
	private timer: NodeJS.Timeout | undefined;
	private rootProblems: Problem[] = [];
	readonly onDidChange = this.emitter.event;

	constructor(private options: RunIndexOptions) {
		this.debouncer = new RunDebouncer((location) => this.refreshRun(location), options.debounceMs ?? 40, options.maxWaitMs ?? 250);
	}

	private get now(): number {
		return (this.options.clock ?? Date.now)();
	}

	/**
	 * Discovers and reads every run (a cold load, see coldLoad.ts: many runs are read by worker
	 * threads, this thread only merges), then fires `reset`.
	 */
	async load(): Promise<void> {
		const { runs, problems } = await coldLoad(this.options.roots, {
			staleMinutes: this.options.staleMinutes,
			nowMs: this.now,
			concurrency: this.options.concurrency ?? defaultReadConcurrency,
			workers: this.options.readWorkers ?? defaultReadWorkers,
			workersFrom: this.options.readWorkersFrom ?? defaultReadWorkersFrom,
			blocking: this.options.blockingLoad ?? false,
			cache: this.options.summaryCache,
		});
		this.rootProblems = problems;
		this.runs.clear();
		for (const run of runs) {
			this.runs.set(run.dir, run);
		}
		this.emitter.fire({ type: 'reset' });
	}

	/**
	 * Starts watching the roots (after {@link load}). `polling` for network filesystems.
	 * Also re-judges staleness every 30 s, since a run goes stale by nothing happening.
	 */
	async watch(options: { polling: boolean; pollIntervalMs?: number }): Promise<void> {
		await this.watcher?.close();
		this.watcher = new RunWatcher(this.options.roots, options, {
			onPath: (target) => {
				if (target.kind === 'run') {
					this.debouncer.schedule(target.dir, { dir: target.dir, root: target.root.root, workspace: target.root.workspace, layout: target.layout });
				} else if (target.kind === 'root') {
					this.debouncer.schedule(`root:${target.root.root}`, undefined, () => this.rescanRoot(target.root));
				}
			},
			onWarning: (message) => this.emitter.fire({ type: 'warning', message }),
			onRestarted: () => void this.refreshAll(),
		});
		await this.watcher.start();
		clearInterval(this.timer);
		this.timer = setInterval(() => this.recomputeTimeDependent(), 30_000);
		this.timer.unref?.();
	}

	/** Whether the watcher polls (by setting, or after a watcher error). */
	get isPolling(): boolean {
		return this.watcher?.isPolling ?? false;
	}

	/** Every run, in no particular order. */
	all(): RunSummary[] {
		return [...this.runs.values()];
	}

	get size(): number {
		return this.runs.size;
	}

	/** The run in folder `dir`. */
	get(dir: string): RunSummary | undefined {
		return this.runs.get(dir);
	}

	query(query: RunQuery): RunSummary[] {
		return this.all().filter((run) => matchesQuery(run, query));
	}

	/** Problems of the roots themselves (an unreadable registry). */
	get problems(): readonly Problem[] {
		return this.rootProblems;
	}

	/** Re-reads one run folder now and fires the event its change calls for. */
	async refreshRun(location: RunLocation): Promise<void> {
		const run = await readRunSummary(location, { staleMinutes: this.options.staleMinutes, nowMs: this.now, follow: (file) => this.follower(file) });
		this.update(location.dir, run);
	}

	/** Re-discovers one root: runs that appeared are read, runs that vanished removed. */
	async rescanRoot(root: RootSpec): Promise<void> {
		const { locations } = await discoverRoot(root);
		const present = new Set(locations.map((location) => location.dir));
		for (const run of this.all()) {
			if (run.root === root.root && !present.has(run.dir)) {
				this.update(run.dir, undefined);
			}
		}
		await mapLimit(locations.filter((location) => !this.runs.has(location.dir)), this.options.concurrency ?? defaultReadConcurrency, (location) => this.refreshRun(location));
	}

	/** Re-reads everything (the Refresh command), firing events only for what changed. */
	async refreshAll(): Promise<void> {
		await Promise.all(this.options.roots.map((root) => this.rescanRoot(root)));
		await mapLimit(this.all(), this.options.concurrency ?? defaultReadConcurrency, (run) => this.refreshRun(run));
	}

	/** Applies a new stale threshold to every run (no I/O). */
	setStaleMinutes(minutes: number): void {
		this.options = { ...this.options, staleMinutes: minutes };
		this.recomputeTimeDependent();
	}

	/** Re-judges stale and inferred status against the clock (no I/O). */
	recomputeTimeDependent(): void {
		const now = this.now;
		for (const run of this.all()) {
			const fields = timeDependentFields(run, now, this.options.staleMinutes);
			if (fields.stale !== run.stale || fields.inferredStatus !== run.inferredStatus) {
				this.update(run.dir, { ...run, ...fields });
			}
		}
	}

	private update(dir: string, run: RunSummary | undefined): void {
		const previous = this.runs.get(dir);
		if (!run) {
			if (previous) {
				this.runs.delete(dir);
				// Followers are keyed by log file: drop the ones inside the removed run.
				const inside = path.normalize(dir + path.sep);
				for (const file of this.followers.keys()) {
					if (file.startsWith(inside)) {
						this.followers.delete(file);
					}
				}
				this.emitter.fire({ type: 'removed', run: previous });
			}
			return;
		}
		this.runs.set(dir, run);
		if (!previous) {
			this.emitter.fire({ type: 'added', run });
		} else if (JSON.stringify(previous) !== JSON.stringify(run)) {
			this.emitter.fire({ type: 'changed', run, previous });
		}
	}

	/** The incremental reader of a changing run's log, kept for the most recently changed runs. */
	private follower(file: string): JsonlFollower {
		let follower = this.followers.get(file);
		if (follower) {
			this.followers.delete(file);
		} else {
			follower = new JsonlFollower(file);
		}
		this.followers.set(file, follower);
		if (this.followers.size > maxFollowers) {
			this.followers.delete(this.followers.keys().next().value!);
		}
		return follower;
	}

	dispose(): void {
		clearInterval(this.timer);
		this.debouncer.dispose();
		void this.watcher?.close();
		this.emitter.dispose();
	}
}
