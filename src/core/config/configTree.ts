import { type JsonNode, isJsonObject } from '../json/jsonValue';
import { parsePythonInt } from './pythonNumberSyntax';

/** A position in a config: mapping keys and list indices from the top. */
export type ConfigPath = ReadonlyArray<string | number>;

/** The node at `path` (a path built by walking the same tree); null if the path leads nowhere. */
export function nodeAt(root: JsonNode, path: ConfigPath): JsonNode {
	let node: JsonNode | undefined = root;
	for (const step of path) {
		if (typeof step === 'number' && Array.isArray(node)) {
			node = node[step];
		} else if (typeof step === 'string' && isJsonObject(node)) {
			node = node.get(step);
		} else {
			return null;
		}
	}
	return node ?? null;
}

/** A path for messages: `training.optimizer`, `layers.[0]`, `<root>` for the top. */
export function describePath(path: ConfigPath): string {
	return path.length === 0 ? '<root>' : path.map((step) => (typeof step === 'number' ? `[${step}]` : step)).join('.');
}

/** True for a mapping or a list, the two kinds of OmegaConf container. */
export function isContainer(node: JsonNode): node is JsonNode[] | Map<string, JsonNode> {
	return Array.isArray(node) || isJsonObject(node);
}

/** The outcome of looking one key up in a container, as OmegaConf's `_select_one`. */
export type ChildLookup =
	| { readonly found: true; readonly path: ConfigPath }
	| { readonly found: false; readonly error?: string };

/**
 * Looks `key` up in the container at `containerPath`. A list takes any text Python's `int()`
 * reads (`0`, `+1`, `1_0`); a negative or too large index is simply not found, and a non-integer
 * index is an error, as in OmegaConf.
 */
export function selectChild(root: JsonNode, containerPath: ConfigPath, key: string): ChildLookup {
	const container = nodeAt(root, containerPath);
	if (isJsonObject(container)) {
		return container.has(key) ? { found: true, path: [...containerPath, key] } : { found: false };
	}
	if (Array.isArray(container)) {
		const index = parsePythonInt(key);
		if (index === undefined) {
			return { found: false, error: `list index '${key}' is not an int` };
		}
		return index >= 0n && index < BigInt(container.length) ? { found: true, path: [...containerPath, Number(index)] } : { found: false };
	}
	return { found: false, error: 'not a container' };
}

const keyHead = /^\.*[^.[]*/;
const keyRest = /\.([^.[]*)|\[([^\n]*?)\]/g;

/**
 * OmegaConf's `split_key`: `a.b` → [a, b], `a[0].c` → [a, 0, c], `[a].b` → [a, b]. Characters
 * between the parts that fit neither form are skipped, as Python's `re.findall` skips them.
 */
export function splitKey(key: string): string[] {
	const head = keyHead.exec(key)?.[0] ?? '';
	const tokens = head.split('.');
	if (head.length === key.length) {
		return tokens;
	}
	if (key[head.length] === '[' && tokens[tokens.length - 1] === '') {
		tokens.pop();
	}
	for (const match of key.slice(head.length).matchAll(keyRest)) {
		tokens.push(match[1] || match[2] || '');
	}
	return tokens;
}
