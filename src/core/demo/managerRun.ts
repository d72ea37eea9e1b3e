import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type JsonNode, type JsonObject, isJsonObject } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { dumpPythonJson } from '../json/pythonJson';
import { pythonRepr } from '../tracker/pythonRepr';
import { appendToRegistry } from '../tracker/registry';
import { managerTimestamp } from '../tracker/timestamps';
import { dumpPythonJsonLine } from './pythonJsonLine';
import type { VirtualClock } from './trainingClock';

/** Where demo runs go: `<workspace>/artifacts`, which the simulated Python processes call `artifacts` (their cwd is the workspace). */
export interface DemoRoot {
	readonly workspace: string;
	/** Absolute `<workspace>/artifacts`. */
	readonly root: string;
}

/** A run folder made by {@link createManagerRun}. */
export interface ManagerRun {
	readonly id: string;
	readonly name: string;
	/** ExperimentManager's `%Y%m%d-%H%M%S` timestamp, the id's prefix. */
	readonly timestamp: string;
	/** Absolute run folder. */
	readonly dir: string;
	/** `str(experiment_dir)` as Python stores it: `artifacts/experiments/<id>`. */
	readonly storedDir: string;
}

/** What {@link createManagerRun} gets from the simulated script. */
export interface ManagerRunOptions {
	readonly name: string;
	/** Set to the creation time; it moves on as files are written. */
	readonly clock: VirtualClock;
	/** Stored as Python's `str()` in experiment_info.json. */
	readonly config?: JsonObject;
	/** Also write config.json (`save_config`, which ExperimentLogger calls). */
	readonly saveConfig?: boolean;
	/** How many managers registered this id (main.py makes two: spec §1.3). Default 1. */
	readonly registrations?: number;
}

/** Folders `ExperimentManager(create_dirs=True)` makes in a run (spec §1.2). */
const runFolders = ['checkpoints', 'metrics', 'logs', 'results/visualizations', 'results/predictions/validation', 'results/predictions/test'];

/** Writes a JSON file as `json.dump(node, f, indent=2)` does (ASCII-escaped, no trailing newline). */
export async function writePythonJson(file: string, node: JsonNode, ensureAscii = true): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, dumpPythonJson(node, { ensureAscii }));
}

/**
 * Does what `ExperimentManager(base_dir="artifacts", experiment_name=name, config=config)` does:
 * the run's folder tree and `<root>/shared/`, `experiment_info.json` with status "created", one
 * registry entry per registration, and (optionally) `config.json`.
 */
export async function createManagerRun(where: DemoRoot, options: ManagerRunOptions): Promise<ManagerRun> {
	const timestamp = managerTimestamp(new Date(options.clock.now()));
	const id = `${timestamp}-${options.name}`;
	const dir = path.join(where.root, 'experiments', id);
	const run: ManagerRun = { id, name: options.name, timestamp, dir, storedDir: `artifacts/experiments/${id}` };
	for (const folder of [...runFolders.map((name) => path.join(dir, name)), path.join(where.root, 'shared')]) {
		await mkdir(folder, { recursive: true });
	}
	const info: JsonObject = new Map<string, JsonNode>([['id', id], ['name', options.name], ['timestamp', timestamp], ['created_at', options.clock.iso()], ['status', 'created']]);
	if (options.config) {
		info.set('config', pythonRepr(options.config));
	}
	await writePythonJson(path.join(dir, 'experiment_info.json'), info);
	for (let count = 0; count < (options.registrations ?? 1); count++) {
		const warning = await appendToRegistry(where.root, { id, name: options.name, timestamp, path: run.storedDir, createdAt: options.clock.iso() });
		if (warning) {
			throw new Error(warning);
		}
	}
	if (options.config && options.saveConfig) {
		await writePythonJson(path.join(dir, 'config.json'), options.config);
	}
	return run;
}

/**
 * `update_status(status, metadata)`: reads experiment_info.json, sets `status` and `updated_at`,
 * and stores `metadata` as a JSON-encoded string (`json.dumps`), as ExperimentManager does.
 */
export async function updateRunStatus(runDir: string, status: string, now: string, metadata?: JsonObject): Promise<void> {
	const file = path.join(runDir, 'experiment_info.json');
	// A missing file gives a new one holding only what is set here, as in Python.
	const parsed = parseLenient(await readFile(file, 'utf8').catch(() => ''));
	const info: JsonObject = parsed.ok && isJsonObject(parsed.value) ? parsed.value : new Map();
	info.set('status', status);
	info.set('updated_at', now);
	if (metadata && metadata.size > 0) {
		info.set('metadata', dumpPythonJsonLine(metadata));
	}
	await writePythonJson(file, info);
}
