import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Every entry under `root` (symlinks not followed) → a fingerprint of it: type, size, mtime and
 * the SHA-256 of a file's bytes, a link's target. Two equal snapshots mean nothing was written,
 * created, deleted or touched.
 */
export async function snapshotTree(root: string): Promise<Map<string, string>> {
	const entries = new Map<string, string>();
	const walk = async (dir: string): Promise<void> => {
		for (const name of (await readdir(dir)).sort()) {
			const full = path.join(dir, name);
			const relative = path.relative(root, full);
			const info = await lstat(full);
			if (info.isSymbolicLink()) {
				entries.set(relative, `link -> ${await readlink(full)} mtime ${info.mtimeMs}`);
			} else if (info.isDirectory()) {
				entries.set(relative, `dir mtime ${info.mtimeMs}`);
				await walk(full);
			} else {
				const digest = await readFile(full).then((bytes) => createHash('sha256').update(bytes).digest('hex'), (error: NodeJS.ErrnoException) => `unreadable ${error.code ?? ''}`);
				entries.set(relative, `file ${info.size} bytes mtime ${info.mtimeMs} mode ${(info.mode & 0o7777).toString(8)} sha256 ${digest}`);
			}
		}
	};
	await walk(root);
	return entries;
}

/** Human-readable differences between two snapshots (empty when equal). */
export function diffSnapshots(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
	const differences: string[] = [];
	for (const [entry, fingerprint] of before) {
		const now = after.get(entry);
		if (now === undefined) {
			differences.push(`deleted: ${entry}`);
		} else if (now !== fingerprint) {
			differences.push(`changed: ${entry}\n  before ${fingerprint}\n  after  ${now}`);
		}
	}
	for (const entry of after.keys()) {
		if (!before.has(entry)) {
			differences.push(`created: ${entry}`);
		}
	}
	return differences;
}
