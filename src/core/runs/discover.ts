import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { childPath } from '../fs/childPath';
import { readJsonFile } from '../fs/readJsonFile';
import { decodeRegistry } from '../format/registrySchema';
import type { Problem } from '../problems';
import { registryFileName } from '../tracker/registry';
import type { RunLocation } from './runModel';

/** A folder that holds runs (`artifacts`, `outputs`, or a configured path) and its workspace folder. */
export interface RootSpec {
	/** Absolute path of the root. */
	readonly root: string;
	readonly workspace?: string;
}

/** Folders of a root that are never ArtifactManager runs. */
const notRuns = new Set(['experiments', 'shared']);
/** Trainer folders inside `experiments/` that are not runs (spec §1.3). */
const sharedTrainerFolders = new Set(['metrics', 'configurations']);

async function listDirs(dir: string): Promise<Dirent[]> {
	const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
	// A symlink may point at a run folder; the run reader reports it if it leads nowhere.
	return entries.filter((entry) => entry.isDirectory() || entry.isSymbolicLink());
}

/**
 * Lists the candidate run folders of one root, in every layout of spec §8.4:
 * `<root>/experiments/<run>/`, other folders of the root (ArtifactManager's
 * `experiment_<ts>/`), the Trainer's shared `<root>/experiments/metrics/`, and folders the
 * root's `experiment_registry.json` names elsewhere. Each folder once, even when the registry
 * lists it twice. A candidate is a run only if the run reader finds a run's files in it.
 * `onListed` hears the folders the two listings found (the first locations of the result)
 * before the registry is read: the index starts reading them in its workers meanwhile.
 */
export async function discoverRoot(spec: RootSpec, onListed?: (listed: readonly RunLocation[]) => void): Promise<{ locations: RunLocation[]; problems: Problem[] }> {
	const locations: RunLocation[] = [];
	const seen = new Set<string>();
	// `key` is already resolved (path.resolve, or a child name of a resolved folder).
	const add = (key: string, layout: RunLocation['layout']) => {
		if (!seen.has(key)) {
			seen.add(key);
			locations.push({ dir: key, root: spec.root, workspace: spec.workspace, layout });
		}
	};
	const root = path.resolve(spec.root);
	const experiments = childPath(root, 'experiments');
	const [top, runs] = await Promise.all([listDirs(spec.root), listDirs(experiments)]);
	for (const entry of runs) {
		if (!sharedTrainerFolders.has(entry.name)) {
			add(childPath(experiments, entry.name), 'experiment');
		}
	}
	if (runs.some((entry) => entry.name === 'metrics')) {
		add(experiments, 'sharedMetrics');
	}
	for (const entry of top) {
		if (!notRuns.has(entry.name) && !entry.name.startsWith('.')) {
			add(childPath(root, entry.name), 'artifactManager');
		}
	}
	onListed?.([...locations]);
	const problems = await addRegistryRuns(spec, add, (key) => seen.has(key));
	return { locations, problems };
}

async function addRegistryRuns(spec: RootSpec, add: (dir: string, layout: RunLocation['layout']) => void, known: (dir: string) => boolean): Promise<Problem[]> {
	const file = path.join(spec.root, registryFileName);
	const read = await readJsonFile(file);
	if (read.state === 'problem') {
		return [read.problem];
	}
	if (read.state !== 'ok') {
		return [];
	}
	const { entries, problems } = decodeRegistry(read.value, file);
	const base = spec.workspace ?? path.dirname(spec.root);
	for (const entry of entries) {
		if (!entry.path) {
			continue;
		}
		// Stored as the Python process saw it: relative to its cwd (usually the workspace), either separator.
		const dir = path.resolve(base, entry.path.replace(/\\/g, '/'));
		// A folder the listings above already found needs no stat (most registry entries).
		if (known(dir)) {
			continue;
		}
		if (await stat(dir).then((info) => info.isDirectory(), () => false)) {
			add(dir, 'experiment');
		}
	}
	return problems;
}
