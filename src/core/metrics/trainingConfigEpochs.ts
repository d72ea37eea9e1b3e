import * as path from 'node:path';
import { wholeFile } from '../fs/fileWindow';
import { fileWindowTask, type IoTask, listFolderTask } from '../fs/ioTask';
import { runIoTask } from '../fs/runIoTask';
import { isPlainObject, parseJsonText, wholeNumber } from './jsonText';

/**
 * The configured number of epochs from a run's saved training config, for when the metrics do
 * not say (a running Trainer run): `<runDir>/config.json` → `training.epochs` (ExperimentManager
 * `save_config`), else `<runDir>/configurations/<id>/training_config.yaml` (StandardizedConfigStorage,
 * OmegaConf YAML) → `epochs:` directly under the top-level `training:` mapping. Only a positive
 * integer counts. `undefined` when neither says; never throws (any read error counts as "not said").
 */
export function readTrainingConfigEpochs(runDir: string): Promise<number | undefined> {
	return runIoTask(trainingConfigEpochsTask(runDir));
}

/** {@link readTrainingConfigEpochs} as an I/O task (see `IoTask`). */
export function* trainingConfigEpochsTask(runDir: string): IoTask<number | undefined> {
	return (yield* epochsFromConfigJson(path.join(runDir, 'config.json'))) ?? (yield* epochsFromStoredConfigs(path.join(runDir, 'configurations')));
}

/** A whole file as UTF-8 text, or undefined when it cannot be read. */
function* textOf(file: string): IoTask<string | undefined> {
	try {
		return (yield* fileWindowTask(file, wholeFile)).bytes.toString('utf8');
	} catch {
		return undefined;
	}
}

function* epochsFromConfigJson(file: string): IoTask<number | undefined> {
	const text = yield* textOf(file);
	const parsed = text === undefined ? undefined : parseJsonText(text);
	if (!parsed?.ok || !isPlainObject(parsed.value) || !isPlainObject(parsed.value.training)) {
		return undefined;
	}
	return positive(wholeNumber(parsed.value.training.epochs));
}

function* epochsFromStoredConfigs(folder: string): IoTask<number | undefined> {
	let names: string[];
	try {
		names = yield* listFolderTask(folder);
	} catch {
		return undefined;
	}
	// An entry that is not a folder has no training_config.yaml in it: its read fails (ENOTDIR).
	for (const name of names.sort()) {
		const text = yield* textOf(path.join(folder, name, 'training_config.yaml'));
		const epochs = text === undefined ? undefined : trainingEpochsFromYaml(text);
		if (epochs !== undefined) {
			return epochs;
		}
	}
	return undefined;
}

/**
 * Finds `epochs: <int>` directly under the top-level `training:` key of block-style YAML, as
 * OmegaConf saves it, by indentation alone (no YAML library): the first indented key line
 * after `training:` sets the child indentation; deeper lines (e.g. `lr_scheduler.epochs`) and
 * flow-style mappings are not read. `undefined` when absent or not a positive integer.
 */
export function trainingEpochsFromYaml(text: string): number | undefined {
	let inTraining = false;
	let childIndent: number | undefined;
	for (const line of text.split(/\r?\n/)) {
		if (/^\s*(#.*)?$/.test(line)) {
			continue;
		}
		const indent = /^ */.exec(line)?.[0].length ?? 0;
		if (indent === 0) {
			inTraining = /^training\s*:\s*(#.*)?$/.test(line);
			childIndent = undefined;
			continue;
		}
		if (!inTraining) {
			continue;
		}
		childIndent ??= indent;
		const match = indent === childIndent ? /^\s*epochs\s*:\s*['"]?(\d+)['"]?\s*(#.*)?$/.exec(line) : null;
		if (match) {
			return positive(Number(match[1]));
		}
	}
	return undefined;
}

function positive(value: number | undefined): number | undefined {
	return value !== undefined && value > 0 ? value : undefined;
}
