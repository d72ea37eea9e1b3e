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

/**
 * `target` relative to `dir` when it lies inside it (`dir` itself is not inside), else
 * undefined. A name that merely starts with two dots (`..notes`) is inside.
 */
export function pathInside(dir: string, target: string): string | undefined {
	const relative = path.relative(dir, target);
	const leaves = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
	return relative === '' || leaves ? undefined : relative;
}
