import { randomBytes } from 'node:crypto';
import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { errorCode } from './errno';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
	/** Permission bits for the file. Default: the existing file's mode, or `0o666` minus the umask for a new file. */
	readonly mode?: number;
	/**
	 * Default true: the data reaches the disk (fsync) before the rename. False for a cache,
	 * where a write lost to a power cut costs only time: readers still never see a torn file.
	 */
	readonly durable?: boolean;
}

const tempPattern = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/** True for a temp file name that {@link writeFileAtomic} creates (`.<base>.<pid>.<12 hex>.tmp`), so watchers and cleanups can skip it. */
export function isAtomicWriteTemp(basename: string): boolean {
	return tempPattern.test(basename);
}

/** Rename errors worth retrying: on Windows, virus scanners and indexers hold files open for a moment. */
const transientRenameCodes = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Total wait across rename retries, in milliseconds. */
const renameRetryBudgetMs = 1000;

/**
 * Renames `source` over `target`, retrying transient errors (`EPERM`, `EBUSY`, `EACCES`) with a
 * doubling backoff (capped at 250 ms) for about a second in total; other errors, and the last transient one, are
 * rethrown. `renameFile` is the rename to use (injectable for tests).
 */
export async function renameWithRetry(source: string, target: string, renameFile: (from: string, to: string) => Promise<void> = rename): Promise<void> {
	let delayMs = 10;
	for (let waitedMs = 0; ; waitedMs += delayMs, delayMs = Math.min(delayMs * 2, 250)) {
		try {
			await renameFile(source, target);
			return;
		} catch (error) {
			if (!transientRenameCodes.has(errorCode(error) ?? '') || waitedMs + delayMs > renameRetryBudgetMs) {
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, delayMs));
		}
	}
}

async function syncDirectory(directory: string): Promise<void> {
	try {
		const handle = await open(directory, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch (error) {
		// Windows and some file systems refuse to open or fsync a directory; the rename is still done.
		if (!['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP'].includes(errorCode(error) ?? '')) {
			throw error;
		}
	}
}

async function existingMode(file: string): Promise<number | undefined> {
	try {
		return (await stat(file)).mode & 0o7777;
	} catch {
		return undefined;
	}
}

/**
 * Replaces `file` with `data` so that readers (and a crash at any moment) see either the old or
 * the new content in full, never a torn or empty file: the data goes to a temp file in the same
 * directory, is fsynced, renamed over the target, and the directory is fsynced. A symlink is
 * followed (its target is replaced). The existing file's mode is kept unless `options.mode` is
 * given. On failure the temp file is removed and the error rethrown; the target is untouched.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options?: AtomicWriteOptions): Promise<void> {
	const target = await realpath(file).catch(() => path.resolve(file));
	const directory = path.dirname(target);
	// The base is shortened so that the temp name stays within the usual 255-byte name limit.
	const temp = path.join(directory, `.${path.basename(target).slice(0, 200)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	const mode = options?.mode ?? await existingMode(target);
	let created = false;
	try {
		const handle = await open(temp, 'wx', mode);
		created = true;
		try {
			await handle.writeFile(data);
			if (mode !== undefined) {
				// The umask applied at creation; the caller's (or the old file's) mode must win.
				await handle.chmod(mode);
			}
			if (options?.durable !== false) {
				await handle.sync();
			}
		} finally {
			await handle.close();
		}
		await renameWithRetry(temp, target);
		created = false;
	} catch (error) {
		if (created) {
			await unlink(temp).catch(() => undefined);
		}
		throw error;
	}
	if (options?.durable !== false) {
		await syncDirectory(directory);
	}
}

/**
 * Deletes this module's leftover temp files (see {@link isAtomicWriteTemp}) in `directory` whose
 * last modification is at least `olderThanMs` ago, e.g. after a crash mid-write. Returns the
 * removed paths. A missing directory, and files that vanish meanwhile, are not errors.
 */
export async function removeStaleAtomicTemps(directory: string, olderThanMs: number): Promise<string[]> {
	const names = await readdir(directory).catch((error: unknown) => {
		if (errorCode(error) === 'ENOENT') {
			return [];
		}
		throw error;
	});
	const removed: string[] = [];
	const now = Date.now();
	for (const name of names.filter(isAtomicWriteTemp)) {
		const file = path.join(directory, name);
		try {
			const info = await stat(file);
			if (info.isFile() && now - info.mtimeMs >= olderThanMs) {
				await unlink(file);
				removed.push(file);
			}
		} catch (error) {
			if (errorCode(error) !== 'ENOENT') {
				throw error;
			}
		}
	}
	return removed;
}
