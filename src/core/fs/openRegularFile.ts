import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Stats } from 'node:fs';

/** Raised for a path that exists but is not a regular file (a FIFO, a device, a folder). */
export class NotARegularFileError extends Error {
	readonly code = 'ENOTREG';
	constructor(readonly file: string, readonly kind: string) {
		super(`${file} is ${kind}, not a regular file`);
	}
}

/** How a path that is not a regular file is named in problems ("a folder", "a named pipe", …). */
export function describeKind(info: Stats): string {
	if (info.isDirectory()) {
		return 'a folder';
	}
	if (info.isFIFO()) {
		return 'a named pipe';
	}
	if (info.isCharacterDevice() || info.isBlockDevice()) {
		return 'a device';
	}
	if (info.isSocket()) {
		return 'a socket';
	}
	return 'not a regular file';
}

/**
 * Opens a file for reading only if it is a regular file. `O_NONBLOCK` keeps the open of a
 * named pipe from waiting forever for a writer (it changes nothing for regular files); the
 * type is then checked on the open handle, so `/dev/zero` and pipes are refused before any read.
 */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; info: Stats }> {
	const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	try {
		const info = await handle.stat();
		if (!info.isFile()) {
			throw new NotARegularFileError(file, describeKind(info));
		}
		return { handle, info };
	} catch (error) {
		await handle.close().catch(() => undefined);
		throw error;
	}
}

/** Reads at most `limit` bytes from the handle's start (a file that grows meanwhile is cut there). */
export async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
	const buffer = Buffer.allocUnsafe(limit);
	let filled = 0;
	while (filled < limit) {
		const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
		if (bytesRead === 0) {
			break;
		}
		filled += bytesRead;
	}
	return buffer.subarray(0, filled);
}
