import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { dumpYaml } from '../config/yamlDump';
import { type JsonNode, type JsonObject, isJsonObject } from '../json/jsonValue';
import { pythonNumber } from '../json/pythonFloat';
import type { EnvironmentInfo } from '../tracker/newTracker';
import type { ManagerRun } from './managerRun';
import { writePythonJson } from './managerRun';

/** The same document with every mapping's keys in sorted order, as `sort_keys=True` (PyYAML's `yaml.dump` default) writes it. */
export function sortKeysDeep(node: JsonNode): JsonNode {
	if (Array.isArray(node)) {
		return node.map(sortKeysDeep);
	}
	if (isJsonObject(node)) {
		return new Map([...node.keys()].sort().map((key) => [key, sortKeysDeep(node.get(key)!)]));
	}
	return node;
}

/**
 * StandardizedConfigStorage, as the Trainer uses it: `configurations/<id>/<name>.yaml` holds the
 * resolved config as OmegaConf saves it plus `config_metadata` (a 16-hex hash of the key-sorted
 * YAML) and `environment`; a sibling `<name>_validation.json` holds the completeness check.
 * Call it with `training_config` at setup and `config_epoch_%04d` after each epoch.
 */
export async function saveStoredConfig(run: ManagerRun, fileStem: string, config: JsonObject, environment: EnvironmentInfo, now: string): Promise<void> {
	const folder = path.join(run.dir, 'configurations', run.id);
	await mkdir(folder, { recursive: true });
	const stored: JsonObject = new Map(config);
	stored.set('config_metadata', new Map<string, JsonNode>([
		['created_at', now],
		['config_hash', createHash('sha256').update(dumpYaml(sortKeysDeep(config)), 'utf8').digest('hex').slice(0, 16)],
		['format_version', '1.0'],
	]));
	const gpu = environment.gpuInfo as { count?: number; name?: string };
	stored.set('environment', new Map<string, JsonNode>([
		['pytorch_version', environment.pytorchVersion],
		['python_version', environment.pythonVersion.split(' ')[0] ?? ''],
		['platform', environment.platform],
		['timestamp', now],
		['cuda_available', environment.cudaAvailable],
		['cuda_version', environment.cudaAvailable ? 'available' : 'not_available'],
		['cuda_device_count', String(gpu.count ?? 0)],
		['cuda_device_name', gpu.name ?? 'N/A'],
	]));
	await writeFile(path.join(folder, `${fileStem}.yaml`), dumpYaml(stored));
	await writePythonJson(path.join(folder, `${fileStem}_validation.json`), new Map<string, JsonNode>([
		['is_valid', true], ['missing_required', []], ['missing_recommended', []], ['missing_environment', []],
		['completeness_score', pythonNumber(1, 'float')],
	]));
}
