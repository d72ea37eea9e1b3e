import * as path from 'node:path';

/**
 * `path.join(dir, name)` for an entry `name` (no separators, not `.` or `..`) of a folder
 * `dir` that is already normalized (e.g. by `path.resolve`): the same string, without
 * normalizing `dir` again for every file of every run.
 */
export function childPath(dir: string, name: string): string {
	if (dir === '.') {
		return name;
	}
	return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

/** `dir` as `path.join` would leave it (separators, `.` and `..` resolved), to pass to {@link childPath}. */
export function normalizedDir(dir: string): string {
	return path.normalize(dir);
}
