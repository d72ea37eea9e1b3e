import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { isPlainObject, parseJsonText, wholeNumber } from './jsonText';

/**
 * The configured number of epochs from a run's saved training config, for when the metrics do
 * not say (a running Trainer run): `<runDir>/config.json` → `training.epochs` (ExperimentManager
 * `save_config`), else `<runDir>/configurations/<id>/training_config.yaml` (StandardizedConfigStorage,
 * OmegaConf YAML) → `epochs:` directly under the top-level `training:` mapping. Only a positive
 * integer counts. `undefined` when neither says; never throws (any read error counts as "not said").
 */
export async function readTrainingConfigEpochs(runDir: string): Promise<number | undefined> {
	return await epochsFromConfigJson(path.join(runDir, 'config.json')) ?? await epochsFromStoredConfigs(path.join(runDir, 'configurations'));
}

async function epochsFromConfigJson(file: string): Promise<number | undefined> {
	const text = await readFile(file, 'utf8').catch(() => undefined);
	const parsed = text === undefined ? undefined : parseJsonText(text);
	if (!parsed?.ok || !isPlainObject(parsed.value) || !isPlainObject(parsed.value.training)) {
		return undefined;
	}
	return positive(wholeNumber(parsed.value.training.epochs));
}

async function epochsFromStoredConfigs(folder: string): Promise<number | undefined> {
	const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
	for (const entry of entries.filter((candidate) => candidate.isDirectory()).map((candidate) => candidate.name).sort()) {
		const text = await readFile(path.join(folder, entry, 'training_config.yaml'), 'utf8').catch(() => undefined);
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
