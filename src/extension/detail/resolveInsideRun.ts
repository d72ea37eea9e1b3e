import * as path from 'node:path';
import { pathInside } from '../../core/fs/childPath';

/**
 * Resolves a path a webview sent, relative to the run's folder, and refuses anything that
 * would leave it (`..`, absolute paths, another drive). Undefined means refused.
 */
export function resolveInsideRun(runDir: string, requested: string): string | undefined {
	if (path.isAbsolute(requested) || /^[A-Za-z]:/.test(requested) || requested.includes('\0')) {
		return undefined;
	}
	const resolved = path.resolve(runDir, requested);
	return pathInside(runDir, resolved) === undefined ? undefined : resolved;
}

/** Only http and https links leave the editor. */
export function isSafeExternalLink(url: string): boolean {
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:';
	} catch {
		return false;
	}
}
