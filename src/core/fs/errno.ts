/** The `code` of a Node.js system error (`ENOENT`, `EACCES`…), or undefined for any other value. */
export function errorCode(error: unknown): string | undefined {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return typeof code === 'string' ? code : undefined;
}

/** True when the error means "no such file": `ENOENT`, or `ENOTDIR` (a parent on the path is a file). */
export function isMissingFileError(error: unknown): boolean {
	const code = errorCode(error);
	return code === 'ENOENT' || code === 'ENOTDIR';
}
