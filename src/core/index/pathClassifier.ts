import * as path from 'node:path';
import { isAtomicWriteTemp } from '../fs/atomicWrite';
import type { RootSpec } from '../runs/discover';
import type { RunLayout } from '../runs/runModel';

/** What a changed path means for the index. */
export type PathTarget =
	/** A file or folder of one run changed: re-read that run. */
	| { readonly kind: 'run'; readonly root: RootSpec; readonly dir: string; readonly layout: RunLayout }
	/** The root itself, its `experiments/` folder or its registry changed: rescan the root. */
	| { readonly kind: 'root'; readonly root: RootSpec }
	| { readonly kind: 'ignore' };

/** Files of a run folder whose changes matter (spec §8.4–8.5). */
const runFiles = new Set(['experiment_tracker.json', 'experiment_info.json', 'metadata.json', 'artifact_versions.json']);
/** Folders of a run folder whose files matter. */
const runFolders = new Set(['metrics', '.exptrack']);
const ignoredTop = new Set(['shared']);

/**
 * Maps a path under a root to the run (or root) it belongs to, and says which paths the
 * watcher may ignore. Only these are watched: the root, `experiments/`, each run folder, its
 * `metrics/` and `.exptrack/` folders, and the run files above: checkpoints, results, logs
 * and configuration snapshots never are, which keeps inotify watches near two per run.
 */
export function classifyPath(roots: readonly RootSpec[], changed: string): PathTarget {
	const root = roots.find((entry) => changed === entry.root || changed.startsWith(entry.root + path.sep));
	if (!root) {
		return { kind: 'ignore' };
	}
	const parts = changed === root.root ? [] : changed.slice(root.root.length + 1).split(path.sep);
	const base = parts[parts.length - 1] ?? '';
	if (isAtomicWriteTemp(base) || base.endsWith('.lock')) {
		return { kind: 'ignore' };
	}
	if (parts.length === 0 || (parts.length === 1 && (parts[0] === 'experiments' || parts[0] === 'experiment_registry.json'))) {
		return { kind: 'root', root };
	}
	if (parts[0] === 'experiments') {
		if (parts[1] === 'configurations') {
			return { kind: 'ignore' };
		}
		if (parts[1] === 'metrics') {
			return parts.length <= 3 ? { kind: 'run', root, dir: path.join(root.root, 'experiments'), layout: 'sharedMetrics' } : { kind: 'ignore' };
		}
		return withinRun(root, path.join(root.root, 'experiments', parts[1]!), parts.slice(2), 'experiment');
	}
	// Files directly in the root (logs, the registry's lock) are not runs; folders may be ArtifactManager runs.
	const topIsFile = parts.length === 1 && path.extname(parts[0]!) !== '';
	if (topIsFile || ignoredTop.has(parts[0]!) || parts[0]!.startsWith('.')) {
		return { kind: 'ignore' };
	}
	return withinRun(root, path.join(root.root, parts[0]!), parts.slice(1), 'artifactManager');
}

/** `rest` is the path inside the run folder (empty for the folder itself). */
function withinRun(root: RootSpec, dir: string, rest: readonly string[], layout: RunLayout): PathTarget {
	const target = { kind: 'run', root, dir, layout } as const;
	if (rest.length === 0) {
		return target;
	}
	if (rest.length === 1) {
		return runFiles.has(rest[0]!) || runFolders.has(rest[0]!) ? target : { kind: 'ignore' };
	}
	if (rest.length === 2 && runFolders.has(rest[0]!)) {
		return rest[0] === '.exptrack' && rest[1] !== 'journal.json' ? { kind: 'ignore' } : target;
	}
	return { kind: 'ignore' };
}
