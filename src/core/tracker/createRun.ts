import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathInside } from '../fs/childPath';
import { computeConfigHash } from '../config/configHash';
import { extractConfigSummary } from '../config/configSummary';
import { writeFileAtomic } from '../fs/atomicWrite';
import { type JsonNode, type JsonObject, isJsonObject } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { dumpPythonJson } from '../json/pythonJson';
import { toPythonSpelling } from '../json/pythonNumbers';
import { trackerFileName } from '../edits/reconcile';
import { appendToRegistry } from './registry';
import { captureEnvironment } from './environment';
import { emptyEnvironment, type EnvironmentInfo, newTrackerDocument } from './newTracker';
import { pythonRepr } from './pythonRepr';
import { managerTimestamp, pythonIsoNow } from './timestamps';

export interface CreateRunOptions {
	/** ExperimentManager's `base_dir`, e.g. `<workspace>/artifacts`. */
	readonly root: string;
	readonly name: string;
	readonly description?: string;
	readonly tags?: readonly string[];
	/** A JSON config (e.g. a previous run's config.json): hashed, summarized and saved as config.json. */
	readonly configFile?: string;
	/** The workspace folder: stored paths are relative to it, as the Python process's cwd would make them. */
	readonly workspace?: string;
	/** `'capture'` runs Python, nvidia-smi and git (never in Restricted Mode); default `'capture'`. */
	readonly environment?: EnvironmentInfo | 'capture';
	readonly now?: Date;
}

export interface CreatedRun {
	readonly id: string;
	readonly name: string;
	readonly dir: string;
	/** Things that did not stop the creation but the user should know (e.g. a corrupt registry). */
	readonly warnings: readonly string[];
}

/** Folders ExperimentManager(create_dirs=True) makes inside a run (spec §1.2). */
const runSubfolders = ['checkpoints', 'metrics', 'logs', 'results/visualizations', 'results/predictions/validation', 'results/predictions/test'];

/** Checks a run name can be a folder name on every OS; returns a message when it cannot. */
export function validateRunName(name: string): string | undefined {
	if (name.trim() === '') {
		return 'A run name cannot be empty.';
	}
	if (/[/\\:*?"<>|\p{Cc}]/u.test(name)) {
		return 'A run name cannot contain / \\ : * ? " < > | or control characters (it becomes a folder name).';
	}
	if (name === '.' || name === '..' || /[. ]$/.test(name)) {
		return 'A run name cannot be "." or "..", nor end with a dot or a space.';
	}
	return undefined;
}

/**
 * Creates a run the way CrackSeg's ExperimentManager does (spec §1.1, §4.1):
 * `<root>/experiments/<YYYYmmdd-HHMMSS>-<name>/` with its sub-folders, `experiment_info.json`,
 * `config.json` when a config is given, an entry appended to `<root>/experiment_registry.json`
 * (a corrupt registry is left untouched, never reset), and a complete 32-key
 * `experiment_tracker.json` with the environment filled in.
 */
export async function createRun(options: CreateRunOptions): Promise<CreatedRun> {
	const invalid = validateRunName(options.name);
	if (invalid) {
		throw new Error(invalid);
	}
	const config = options.configFile ? await readConfig(options.configFile) : undefined;
	// The environment first (Python can take seconds to import torch): until the tracker file is
	// written, a folder with only experiment_info.json would look like a Trainer run in progress.
	const environment = options.environment === undefined || options.environment === 'capture'
		? await captureEnvironment({ workspace: options.workspace, runDir: options.workspace ?? path.dirname(options.root) }).catch(() => emptyEnvironment)
		: options.environment;
	const stamp = managerTimestamp(options.now);
	const id = `${stamp}-${options.name}`;
	const experimentsDir = path.join(options.root, 'experiments');
	const dir = path.join(experimentsDir, id);
	await mkdir(experimentsDir, { recursive: true });
	try {
		await mkdir(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw new Error(`A run named ${id} already exists (created within the same second); try again.`);
		}
		throw error;
	}
	const warnings: string[] = [];
	const now = pythonIsoNow(options.now?.getTime());
	const hash = config ? computeConfigHash(config) : undefined;
	if (hash && !hash.ok) {
		warnings.push(`config_hash left empty: ${hash.reason}`);
	}
	const summary = config ? extractConfigSummary(config) : undefined;
	if (summary && !summary.ok) {
		warnings.push(`config_summary left empty: ${summary.reason}`);
	}
	const tracker = newTrackerDocument({
		id, name: options.name, now, description: options.description, tags: options.tags, environment,
		configHash: hash?.ok ? hash.hash : '',
		configSummary: summary?.ok ? summary.summary : undefined,
	});
	await writeFileAtomic(path.join(dir, trackerFileName), tracker.serialize());
	await Promise.all([...runSubfolders.map((sub) => mkdir(path.join(dir, sub), { recursive: true })), mkdir(path.join(options.root, 'shared'), { recursive: true })]);
	const info: JsonObject = new Map<string, JsonNode>([['id', id], ['name', options.name], ['timestamp', stamp], ['created_at', now], ['status', 'created']]);
	if (config) {
		info.set('config', pythonRepr(config));
		await writeFileAtomic(path.join(dir, 'config.json'), dumpPythonJson(config));
	}
	await writeFileAtomic(path.join(dir, 'experiment_info.json'), dumpPythonJson(info));
	const registryWarning = await appendToRegistry(options.root, { id, name: options.name, timestamp: stamp, path: pythonPathString(dir, options.workspace), createdAt: now });
	if (registryWarning) {
		warnings.push(registryWarning);
	}
	return { id, name: options.name, dir, warnings };
}

async function readConfig(file: string): Promise<JsonObject> {
	const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		throw new Error(`Cannot read the config ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
	});
	const parsed = parseLenient(text.replace(/^\uFEFF/, ''));
	if (!parsed.ok) {
		throw new Error(`The config ${file} is not valid JSON: ${parsed.error.message}`);
	}
	if (!isJsonObject(parsed.value)) {
		throw new Error(`The config ${file} must be a JSON object (a mapping of sections), as OmegaConf configs are.`);
	}
	// Python loads the config and writes it again: numbers come out in its spelling.
	return toPythonSpelling(parsed.value) as JsonObject;
}

/** `str(Path)` as the Python process would store it: relative to its working directory when inside it. */
export function pythonPathString(target: string, workspace: string | undefined): string {
	return (workspace ? pathInside(workspace, target) : undefined) ?? target;
}
