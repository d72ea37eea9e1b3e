import { type FSWatcher, watch } from 'chokidar';
import * as path from 'node:path';
import type { RootSpec } from '../runs/discover';
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

/** Levels below a root's parent folder: root, experiments, run, metrics (their files included). */
const watchDepth = 4;

/**
 * Watches the roots with chokidar, filtered to the paths that matter (see classifyPath), and
 * reports which run or root a change belongs to. Each root's parent folder is watched only
 * for the root itself, so a root created after start is picked up. A watcher error (ENOSPC
 * when the inotify limit is reached, EACCES, …) becomes a warning and a switch to polling,
 * never silent staleness.
 */
export class RunWatcher {
	private watcher: FSWatcher | undefined;
	private polling: boolean;
	private closed = false;

	constructor(private readonly roots: readonly RootSpec[], private readonly options: RunWatcherOptions, private readonly handlers: RunWatcherHandlers) {
		this.polling = options.polling;
	}

	/** Whether the watcher polls (by setting, or since a watcher error). */
	get isPolling(): boolean {
		return this.polling;
	}

	/** Starts watching; resolves once chokidar has scanned what it watches. */
	async start(): Promise<void> {
		const parents = [...new Set(this.roots.map((root) => path.dirname(root.root)))];
		const rootPaths = new Set(this.roots.map((root) => root.root));
		const watcher = watch(parents, {
			ignoreInitial: true,
			depth: watchDepth,
			atomic: false,
			usePolling: this.polling,
			interval: this.options.pollIntervalMs ?? 2000,
			binaryInterval: this.options.pollIntervalMs ?? 2000,
			ignored: (candidate: string) => {
				if (parents.includes(candidate) || rootPaths.has(candidate)) {
					return false;
				}
				return classifyPath(this.roots, candidate).kind === 'ignore';
			},
		});
		this.watcher = watcher;
		watcher.on('all', (_event, changed) => {
			const target = classifyPath(this.roots, changed);
			if (target.kind !== 'ignore') {
				this.handlers.onPath(target);
			}
		});
		watcher.on('error', (error) => void this.fallBack(error as NodeJS.ErrnoException));
		await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
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

	async close(): Promise<void> {
		this.closed = true;
		await this.watcher?.close();
	}
}
