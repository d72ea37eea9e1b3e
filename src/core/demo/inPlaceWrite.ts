import { open } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/** How {@link writeInPlace} spreads a write out. */
export interface InPlaceWriteOptions {
	/** Pieces the bytes are written in (default 3). */
	readonly chunks?: number;
	/** Pause between two pieces, in ms (default 5). */
	readonly pauseMs?: number;
}

/**
 * Rewrites a file the way Python's `open(path, "w")` + `json.dump` does: truncate in place, then
 * write, NOT atomically. The bytes go out in a few pieces with a short pause between them, so a
 * concurrent reader can see the file empty or cut off, exactly the torn reads CrackSeg's writers
 * expose. Resolves once every byte is written and the file is closed.
 */
export async function writeInPlace(file: string, data: string | Uint8Array, options: InPlaceWriteOptions = {}): Promise<void> {
	const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
	const pieces = Math.max(1, Math.floor(options.chunks ?? 3));
	const pauseMs = Math.max(0, options.pauseMs ?? 5);
	const size = Math.max(1, Math.ceil(bytes.length / pieces));
	const handle = await open(file, 'w');
	try {
		for (let offset = 0; offset < bytes.length;) {
			if (offset > 0 && pauseMs > 0) {
				await delay(pauseMs);
			}
			const end = Math.min(bytes.length, offset + size);
			while (offset < end) {
				const { bytesWritten } = await handle.write(bytes, offset, end - offset);
				offset += bytesWritten;
			}
		}
	} finally {
		await handle.close();
	}
}
