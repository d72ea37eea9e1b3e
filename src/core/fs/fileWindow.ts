import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readdir, readSync } from 'node:fs';
import { describeKind, NotARegularFileError } from './openRegularFile';

/** What {@link readFileWindow} read: some bytes of a regular file, and what its fstat said. */
export interface FileWindow {
	/** The bytes read: fewer than asked only when the file shrank meanwhile. */
	readonly bytes: Buffer;
	/** Byte offset of `bytes` in the file. */
	readonly start: number;
	/** File size in bytes, from the open handle's fstat. */
	readonly size: number;
	/** Modification time, ms since the epoch. */
	readonly mtimeMs: number;
	/** Status-change time, ms since the epoch (no tool can set it back, unlike the modification time). */
	readonly ctimeMs: number;
	/** Inode number: a file replaced by a rename has a new one. */
	readonly ino: number;
	/** Device of the file system that holds it (an inode number is unique only within one). */
	readonly dev: number;
}

/** The byte range to read, chosen from the file's size; `undefined` reads nothing (only the stat is wanted). */
export type WindowChoice = (size: number) => { readonly start: number; readonly length: number } | undefined;

/** The whole file, exactly the size fstat reported (a file that grows meanwhile is cut there). */
export const wholeFile: WindowChoice = (size) => ({ start: 0, length: size });

const flags = constants.O_RDONLY | constants.O_NONBLOCK;
const noBytes = Buffer.alloc(0);

/**
 * Reads one byte range of a regular file with the callback API: open, fstat, exact-size reads
 * (looping only on a short read), close; one promise in all. This is the cheapest async path
 * Node offers (no FileHandle, no zero-byte read at the end, no buffer larger than the range),
 * which matters across 10,000 runs. `O_NONBLOCK` keeps the open of a named pipe from waiting
 * for a writer, and the fstat of the open descriptor refuses anything but a regular file
 * ({@link NotARegularFileError}) before a byte is read. Rejects with the errno error otherwise.
 * The descriptor is always closed before the promise settles.
 */
export function readFileWindow(file: string, choose: WindowChoice): Promise<FileWindow> {
	return new Promise((resolve, reject) => {
		open(file, flags, (openError, fd) => {
			if (openError) {
				reject(openError);
				return;
			}
			const settle = (error: unknown, window?: FileWindow): void => {
				close(fd, () => (window ? resolve(window) : reject(error)));
			};
			fstat(fd, (statError, info) => {
				if (statError) {
					settle(statError);
					return;
				}
				if (!info.isFile()) {
					settle(new NotARegularFileError(file, describeKind(info)));
					return;
				}
				const range = choose(info.size);
				const start = range?.start ?? 0;
				const length = Math.max(0, Math.min(range?.length ?? 0, info.size - start));
				if (length === 0) {
					settle(undefined, { bytes: noBytes, start, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, dev: info.dev });
					return;
				}
				const buffer = Buffer.allocUnsafe(length);
				let filled = 0;
				const readMore = (): void => {
					read(fd, buffer, filled, length - filled, start + filled, (readError, bytesRead) => {
						if (readError) {
							settle(readError);
							return;
						}
						filled += bytesRead;
						if (bytesRead > 0 && filled < length) {
							readMore();
							return;
						}
						settle(undefined, { bytes: filled === length ? buffer : buffer.subarray(0, filled), start, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, dev: info.dev });
					});
				};
				readMore();
			});
		});
	});
}

/** The entry names of a folder (callback `readdir` behind one promise); rejects with the errno error. */
export function listFolder(dir: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		readdir(dir, (error, names) => (error ? reject(error) : resolve(names)));
	});
}

/**
 * {@link readFileWindow} with synchronous calls: the same checks, range and result. Only for
 * threads that may block (the index's worker threads); never on the extension host's thread.
 * A range that fits in `scratch` is read into it (no allocation per file): the bytes are then
 * valid only until the next read into the same scratch buffer.
 */
export function readFileWindowSync(file: string, choose: WindowChoice, scratch?: Buffer): FileWindow {
	const fd = openSync(file, flags);
	try {
		const info = fstatSync(fd);
		if (!info.isFile()) {
			throw new NotARegularFileError(file, describeKind(info));
		}
		const range = choose(info.size);
		const start = range?.start ?? 0;
		const length = Math.max(0, Math.min(range?.length ?? 0, info.size - start));
		if (length === 0) {
			return { bytes: noBytes, start, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, dev: info.dev };
		}
		const buffer = scratch && scratch.length >= length ? scratch : Buffer.allocUnsafe(length);
		let filled = 0;
		for (let bytesRead = -1; bytesRead !== 0 && filled < length;) {
			bytesRead = readSync(fd, buffer, filled, length - filled, start + filled);
			filled += bytesRead;
		}
		return { bytes: filled === buffer.length ? buffer : buffer.subarray(0, filled), start, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, dev: info.dev };
	} finally {
		closeSync(fd);
	}
}
