import { access } from 'node:fs/promises';
import * as path from 'node:path';

/** An artifact path as the run stored it, resolved on this machine. */
export interface ResolvedArtifact {
	/** The path exactly as stored. */
	readonly stored: string;
	/** Absolute path on this machine (the first candidate that exists, else the most likely one). */
	readonly path: string;
	readonly exists: boolean;
}

/**
 * Resolves a stored artifact path. CrackSeg stores `str(Path)` as the training process saw it:
 * relative to its working directory (usually the workspace folder) or absolute, with `\` on
 * Windows. Relative paths are tried against the workspace folder, the root's parent and the run
 * folder, in that order; a Windows absolute path on another OS is matched by its part after
 * the run folder's name when possible.
 */
export async function resolveArtifactPath(stored: string, context: { workspace?: string; root: string; runDir: string }): Promise<ResolvedArtifact> {
	const normalized = stored.replace(/\\/g, '/');
	const candidates: string[] = [];
	const windowsAbsolute = /^[A-Za-z]:\//.test(normalized);
	if (path.isAbsolute(normalized) && !windowsAbsolute) {
		candidates.push(normalized);
	} else if (windowsAbsolute) {
		const marker = `/${path.basename(context.runDir)}/`;
		const at = normalized.indexOf(marker);
		if (at >= 0) {
			candidates.push(path.join(context.runDir, normalized.slice(at + marker.length)));
		}
	} else {
		for (const base of [context.workspace, path.dirname(context.root), context.runDir]) {
			if (base) {
				candidates.push(path.resolve(base, normalized));
			}
		}
	}
	for (const candidate of candidates) {
		if (await access(candidate).then(() => true, () => false)) {
			return { stored, path: candidate, exists: true };
		}
	}
	return { stored, path: candidates[0] ?? normalized, exists: false };
}
