import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** Raised when a lock stays held by someone else past the wait. */
export class LockTimeoutError extends Error {
	constructor(readonly lockPath: string) {
		super(`${lockPath} is held by another process; try again in a moment.`);
	}
}

export interface DirLockOptions {
	/** How long to wait for the lock (default 5 s). */
	readonly waitMs?: number;
	/** A lock older than this is taken over: its holder crashed (default 15 s). */
	readonly staleMs?: number;
}

/**
 * Runs `action` while holding an exclusive lock between processes (the extension, `exptrack`
 * runs): `mkdir` of the lock folder is atomic on every filesystem we meet, NFS included.
 * A lock left by a crashed holder is taken over once it is older than `staleMs`.
 */
export async function withDirLock<T>(lockPath: string, action: () => Promise<T>, options: DirLockOptions = {}): Promise<T> {
	const waitMs = options.waitMs ?? 5000;
	const staleMs = options.staleMs ?? 15_000;
	const deadline = Date.now() + waitMs;
	await mkdir(path.dirname(lockPath), { recursive: true });
	for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
		try {
			await mkdir(lockPath);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
		const age = await stat(lockPath).then((info) => Date.now() - info.mtimeMs, () => 0);
		if (age > staleMs) {
			await rm(lockPath, { recursive: true, force: true });
			continue;
		}
		if (Date.now() > deadline) {
			throw new LockTimeoutError(lockPath);
		}
		await new Promise((resolve) => setTimeout(resolve, delay));
	}
	try {
		// Who holds it, for a human looking at a stuck lock.
		await writeFile(path.join(lockPath, 'owner'), `${process.pid} ${new Date().toISOString()}\n`).catch(() => undefined);
		return await action();
	} finally {
		await rm(lockPath, { recursive: true, force: true });
	}
}
