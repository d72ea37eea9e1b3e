import { type FSWatcher, watch } from 'node:fs';
import * as path from 'node:path';

/** Folders of a run folder whose files are watched too. */
const subfolders = new Set(['metrics', '.exptrack']);
/** Folders set up per turn of the event loop: the extension host never stalls on thousands at once. */
const chunk = 200;

/** What {@link FolderWatches} reports. */
export interface FolderWatchHandlers {
	/** Something in a watched folder changed: the file's path (the folder's when the OS does not say which). */
	onChange(changed: string): void;
	/** A watch could not be made or failed (ENOSPC when the inotify limit is reached, EACCES, …). */
	onError(error: NodeJS.ErrnoException): void;
}

/**
 * One OS watch per folder whose files matter: each run folder and its `metrics/` and
 * `.exptrack/` folders, and the Trainer's shared `experiments/metrics/`. A folder watch
 * (`fs.watch` on the folder) reports changes to the files in it on Linux, macOS and Windows,
 * so the files themselves are never watched one by one: about two inotify watches per run.
 * A sub-folder created later (the first epoch's `metrics/`) is watched once its run folder
 * reports it. Watches are set up a chunk per turn of the event loop.
 */
export class FolderWatches {
	private readonly watches = new Map<string, FSWatcher>();
	private queue: Array<{ dir: string; run: boolean }> = [];
	private scheduled: Promise<void> | undefined;
	private closed = false;

	constructor(private readonly handlers: FolderWatchHandlers) {}

	/** Watches a run folder and those of its sub-folders that exist (soon: see {@link settled}). */
	addRun(dir: string): void {
		this.enqueue(dir, true);
	}

	/** Watches one folder whose files matter (the shared `experiments/metrics/`). */
	addFolder(dir: string): void {
		this.enqueue(dir, false);
	}

	/** Stops watching a run folder that is gone, and its sub-folders. */
	removeRun(dir: string): void {
		for (const folder of [dir, ...[...subfolders].map((name) => path.join(dir, name))]) {
			this.watches.get(folder)?.close();
			this.watches.delete(folder);
		}
	}

	/** Resolves once every folder added so far is watched. */
	settled(): Promise<void> {
		return this.scheduled ?? Promise.resolve();
	}

	/** Folders watched now. */
	get size(): number {
		return this.watches.size;
	}

	close(): void {
		this.closed = true;
		this.queue = [];
		for (const watcher of this.watches.values()) {
			watcher.close();
		}
		this.watches.clear();
	}

	private enqueue(dir: string, run: boolean): void {
		this.queue.push({ dir, run });
		this.scheduled ??= this.drain();
	}

	private async drain(): Promise<void> {
		while (this.queue.length > 0 && !this.closed) {
			await new Promise((resolve) => setImmediate(resolve));
			for (const { dir, run } of this.queue.splice(0, chunk)) {
				if (this.watchFolder(dir, run) && run) {
					for (const name of subfolders) {
						this.watchFolder(path.join(dir, name), false);
					}
				}
			}
		}
		this.scheduled = undefined;
	}

	/** Starts one folder watch; false when the folder is not there (or the watch failed). */
	private watchFolder(dir: string, run: boolean): boolean {
		if (this.closed || this.watches.has(dir)) {
			return !this.closed;
		}
		let watcher: FSWatcher;
		try {
			watcher = watch(dir, (_event, name) => this.changed(dir, run, name));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'ENOTDIR') {
				this.handlers.onError(error as NodeJS.ErrnoException);
			}
			return false;
		}
		watcher.on('error', (error: NodeJS.ErrnoException) => {
			// A folder that is deleted ends its watch; only other failures are errors.
			if (error.code !== 'EPERM' && error.code !== 'ENOENT') {
				this.handlers.onError(error);
			}
			watcher.close();
			if (this.watches.get(dir) === watcher) {
				this.watches.delete(dir);
			}
		});
		this.watches.set(dir, watcher);
		return true;
	}

	private changed(dir: string, run: boolean, name: string | null): void {
		if (this.closed) {
			return;
		}
		if (run && name !== null && subfolders.has(name)) {
			// metrics/ or .exptrack/ appeared (or went): watch it now, so its first file is seen.
			const sub = path.join(dir, name);
			this.watches.get(sub)?.close();
			this.watches.delete(sub);
			this.watchFolder(sub, false);
		}
		this.handlers.onChange(name === null ? dir : path.join(dir, name));
	}
}
