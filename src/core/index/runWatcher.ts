import { type FSWatcher, watch } from 'chokidar';
import * as path from 'node:path';
import type { RootSpec } from '../runs/discover';
import { FolderWatches } from './folderWatches';
import { classifyPath, type PathTarget } from './pathClassifier';

export interface RunWatcherOptions {
	/** Poll instead of using OS file events (network filesystems, or after a watcher error). */
	readonly polling: boolean;
	/** Poll interval in ms (default 2000). */
	readonly pollIntervalMs?: number;
}

export interface RunWatcherHandlers {
	onPath(target: PathTarget): void;
	onWarning(message: string): void;
	/** The watcher was restarted (polling after an error): changes in between were not seen. */
	onRestarted(): void;
}

/**
 * Levels chokidar watches below a root's parent folder: with OS events, the root and
 * `experiments/` (so run folders appearing and disappearing are seen; a run's own files are
 * watched per folder, see FolderWatches); when polling, also the run folders, `metrics/`
 * and their files, each polled.
 */
const structureDepth = 2;
const pollingDepth = 4;
/** Folder events per file are passed on at most this often (the rest of a burst in one trailing event). */
const throttleMs = 50;

/**
 * Watches the roots and reports which run or root a change belongs to. chokidar watches the
 * structure: each root's parent folder (so a root created after start is picked up), the
 * root, `experiments/` and the registry, and reports run folders appearing and going. With
 * OS events, each run folder and its `metrics/` and `.exptrack/` folders get one folder watch
 * (see FolderWatches): never one per file, so about two inotify watches per run. A watcher
 * error (ENOSPC when the inotify limit is reached, EACCES, …) becomes a warning and a switch
 * to polling, never silent staleness.
 */
export class RunWatcher {
	private watcher: FSWatcher | undefined;
	private folders: FolderWatches | undefined;
	private polling: boolean;
	private closed = false;
	private readonly bursts = new Map<string, { again: boolean; timer: NodeJS.Timeout }>();

	constructor(private readonly roots: readonly RootSpec[], private readonly options: RunWatcherOptions, private readonly handlers: RunWatcherHandlers) {
		this.polling = options.polling;
	}

	/** Whether the watcher polls (by setting, or since a watcher error). */
	get isPolling(): boolean {
		return this.polling;
	}

	/** Starts watching; resolves once chokidar has scanned what it watches and the folder watches are made. */
	async start(): Promise<void> {
		const parents = [...new Set(this.roots.map((root) => path.dirname(root.root)))];
		const rootPaths = new Set(this.roots.map((root) => root.root));
		const polling = this.polling;
		const folders = polling ? undefined : new FolderWatches({
			onChange: (changed) => this.throttled(changed),
			onError: (error) => void this.fallBack(error),
		});
		this.folders = folders;
		const watcher = watch(parents, {
			// With OS events the initial scan names the run folders to watch; nothing is reported for it.
			ignoreInitial: polling,
			depth: polling ? pollingDepth : structureDepth,
			atomic: false,
			usePolling: polling,
			interval: this.options.pollIntervalMs ?? 2000,
			binaryInterval: this.options.pollIntervalMs ?? 2000,
			ignored: (candidate: string) => {
				if (parents.includes(candidate) || rootPaths.has(candidate)) {
					return false;
				}
				const target = classifyPath(this.roots, candidate);
				return polling ? target.kind === 'ignore' : !isStructure(candidate, target);
			},
		});
		this.watcher = watcher;
		let ready = false;
		watcher.on('all', (event, changed) => {
			const target = classifyPath(this.roots, changed);
			if (folders && target.kind === 'run') {
				this.trackFolder(folders, event, changed, target);
			}
			if (ready || polling) {
				this.report(changed, target);
			}
		});
		watcher.on('error', (error) => void this.fallBack(error as NodeJS.ErrnoException));
		await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
		ready = true;
		await folders?.settled();
		// Run folders made between the index's load and the end of the initial scan were seen
		// as already there: one rescan per root picks them up.
		for (const root of this.roots) {
			this.report(root.root, { kind: 'root', root });
		}
	}

	/** Keeps one folder watch per run folder (and the shared metrics folder) chokidar reports. */
	private trackFolder(folders: FolderWatches, event: string, changed: string, target: PathTarget & { kind: 'run' }): void {
		if (event === 'addDir') {
			if (changed === target.dir) {
				folders.addRun(changed);
			} else if (target.layout === 'sharedMetrics') {
				folders.addFolder(changed);
			}
		} else if (event === 'unlinkDir' && changed === target.dir) {
			folders.removeRun(changed);
		}
	}

	/**
	 * Folder events, at most one per file per 50 ms plus one at the end of a burst (as chokidar
	 * does for the files it watches): a file rewritten every few milliseconds still gives the
	 * index quiet gaps to re-read the run in, and its last state is always reported.
	 */
	private throttled(changed: string): void {
		const waiting = this.bursts.get(changed);
		if (waiting) {
			waiting.again = true;
			return;
		}
		this.report(changed);
		const burst = { again: false, timer: setTimeout(() => {
			this.bursts.delete(changed);
			if (burst.again) {
				this.throttled(changed);
			}
		}, throttleMs) };
		this.bursts.set(changed, burst);
	}

	private report(changed: string, target = classifyPath(this.roots, changed)): void {
		if (target.kind !== 'ignore' && !this.closed) {
			this.handlers.onPath(target);
		}
	}

	private async fallBack(error: NodeJS.ErrnoException): Promise<void> {
		const reason = error.code === 'ENOSPC'
			? 'the system limit of file watches is reached (raise fs.inotify.max_user_watches)'
			: `${error.code ?? 'error'}: ${error.message}`;
		if (this.polling || this.closed) {
			this.handlers.onWarning(`File watching reported ${reason}; runs may update late.`);
			return;
		}
		this.handlers.onWarning(`File watching failed (${reason}); switching to polling every ${(this.options.pollIntervalMs ?? 2000) / 1000} s.`);
		this.polling = true;
		this.folders?.close();
		await this.watcher?.close();
		if (!this.closed) {
			await this.start();
			this.handlers.onRestarted();
		}
	}

	/** The underlying chokidar watcher, for tests that simulate its errors. */
	get chokidarWatcher(): FSWatcher | undefined {
		return this.watcher;
	}

	/** Folder watches held now (0 when polling). */
	get folderWatchCount(): number {
		return this.folders?.size ?? 0;
	}

	async close(): Promise<void> {
		this.closed = true;
		for (const burst of this.bursts.values()) {
			clearTimeout(burst.timer);
		}
		this.bursts.clear();
		this.folders?.close();
		await this.watcher?.close();
	}
}

/**
 * What chokidar itself watches with OS events: the root, `experiments/`, the registry, and
 * the run folders (and the shared `experiments/metrics/`) as entries of their parent, never
 * what is inside a run folder: FolderWatches has those.
 */
function isStructure(candidate: string, target: PathTarget): boolean {
	switch (target.kind) {
		case 'ignore': return false;
		case 'root': return true;
		case 'run': return candidate === target.dir || (target.layout === 'sharedMetrics' && path.dirname(candidate) === target.dir);
	}
}
