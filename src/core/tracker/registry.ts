import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { withDirLock } from '../fs/dirLock';
import type { JsonNode } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { dumpPythonJson } from '../json/pythonJson';

export const registryFileName = 'experiment_registry.json';

export interface RegistryAppend {
	readonly id: string;
	readonly name: string;
	readonly timestamp: string;
	readonly path: string;
	readonly createdAt: string;
}

/**
 * Appends an entry to `<root>/experiment_registry.json` as ExperimentManager does, but
 * atomically and under a lock. Unlike Python, a registry that cannot be read is left as it
 * is (Python resets it to `[]`, losing every entry): the run is still created, and the
 * returned warning says the registry was not updated.
 */
export async function appendToRegistry(root: string, entry: RegistryAppend): Promise<string | undefined> {
	const file = path.join(root, registryFileName);
	return withDirLock(path.join(root, `.${registryFileName}.lock`), async () => {
		let text: string | undefined;
		try {
			text = await readFile(file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				return `${file} could not be read (${(error as Error).message}); it was left unchanged.`;
			}
		}
		let entries: JsonNode[] = [];
		if (text !== undefined && text.trim() !== '') {
			const parsed = parseLenient(text.replace(/^\uFEFF/, ''));
			if (!parsed.ok || !Array.isArray(parsed.value)) {
				return `${file} is not the JSON list ExperimentManager writes; it was left unchanged (Python would have reset it to []).`;
			}
			entries = parsed.value;
		}
		const record = new Map<string, JsonNode>([['id', entry.id], ['name', entry.name], ['timestamp', entry.timestamp], ['path', entry.path], ['created_at', entry.createdAt]]);
		await writeFileAtomic(file, dumpPythonJson([...entries, record]));
		return undefined;
	});
}
