import { type JsonNode } from '../json/jsonValue';
import { type ConfigPath, describePath, isContainer, nodeAt, selectChild, splitKey } from './configTree';
import { type Interpolation, parseConfigString } from './interpolationSyntax';
import { pythonStrOfScalar } from './pythonStr';

/** The resolved config, or why OmegaConf's `to_container(cfg, resolve=True)` would fail. */
export type InterpolationResult =
	| { readonly ok: true; readonly value: JsonNode }
	| { readonly ok: false; readonly error: string };

/** What an interpolation stands for: a node of the config, or a string built by concatenation. */
type Resolved = { readonly path: ConfigPath } | { readonly text: string };

class ResolutionFailure extends Error {}

function fail(message: string): never {
	throw new ResolutionFailure(message);
}

/** OmegaConf's MISSING marker: reading it through an interpolation is an error. */
const missingValue = '???';

function isInterpolated(node: JsonNode): node is string {
	return typeof node === 'string' && node.includes('${');
}

class InterpolationResolver {
	private readonly resolving = new Set<string>();
	private readonly copying = new Set<string>();

	constructor(private readonly root: JsonNode) {}

	/** The node at `path` with every interpolation below it resolved, as a fresh tree. */
	resolveTree(path: ConfigPath): JsonNode {
		const resolved = this.resolveAt(path);
		if ('text' in resolved) {
			return resolved.text;
		}
		const target = nodeAt(this.root, resolved.path);
		if (!isContainer(target)) {
			return target;
		}
		const id = JSON.stringify(resolved.path);
		if (this.copying.has(id)) {
			fail(`'${describePath(resolved.path)}' contains an interpolation that refers back to itself, so the config is infinitely deep`);
		}
		this.copying.add(id);
		try {
			if (Array.isArray(target)) {
				return target.map((_, index) => this.resolveTree([...resolved.path, index]));
			}
			return new Map(Array.from(target.keys(), (key): [string, JsonNode] => [key, this.resolveTree([...resolved.path, key])]));
		} finally {
			this.copying.delete(id);
		}
	}

	/** Follows the interpolation chain starting at `path` to a real node or a built string. */
	private resolveAt(path: ConfigPath): Resolved {
		const node = nodeAt(this.root, path);
		if (!isInterpolated(node)) {
			return { path };
		}
		const id = JSON.stringify(path);
		if (this.resolving.has(id)) {
			fail(`recursive interpolation detected at '${describePath(path)}'`);
		}
		this.resolving.add(id);
		try {
			const parsed = parseConfigString(node);
			if (!parsed.ok) {
				fail(`'${describePath(path)}': ${parsed.error}`);
			}
			const containerPath = path.slice(0, -1);
			const [first] = parsed.parts;
			// A string that is exactly one interpolation takes the referenced node itself, type included.
			if (parsed.parts.length === 1 && 'interpolation' in first) {
				return this.evaluate(first.interpolation, containerPath);
			}
			const pieces = parsed.parts.map((part) => ('literal' in part ? part.literal : this.pythonStr(this.evaluate(part.interpolation, containerPath), part.interpolation)));
			return { text: pieces.join('') };
		} finally {
			this.resolving.delete(id);
		}
	}

	/** Resolves `${...}` written in the container at `containerPath`, as OmegaConf's `_select_impl`. */
	private evaluate(interpolation: Interpolation, containerPath: ConfigPath): Resolved {
		let key = interpolation.pieces.map((piece) => ('text' in piece ? piece.text : this.keyText(piece.nested, containerPath))).join('');
		let rootPath: ConfigPath = [];
		if (key.startsWith('.')) {
			rootPath = containerPath;
			key = key.slice(1);
			while (key.startsWith('.')) {
				if (rootPath.length === 0) {
					fail(`${interpolation.source} goes above the top of the config`);
				}
				rootPath = rootPath.slice(0, -1);
				key = key.slice(1);
			}
		}
		if (key === '') {
			return { path: rootPath };
		}
		const parts = splitKey(key);
		let current = rootPath;
		for (let index = 0; ; index++) {
			const child = selectChild(this.root, current, parts[index]);
			if (!child.found) {
				fail(`${interpolation.source}: ${child.error ?? `key '${parts[index]}' not found in '${describePath(current)}'`}`);
			}
			if (nodeAt(this.root, child.path) === missingValue) {
				fail(`${interpolation.source} refers to the missing value '???' at '${describePath(child.path)}'`);
			}
			const resolved = this.resolveAt(child.path);
			if (index === parts.length - 1) {
				return resolved;
			}
			if ('text' in resolved || !isContainer(nodeAt(this.root, resolved.path))) {
				fail(`${interpolation.source}: '${describePath(child.path)}' is not a mapping or list, so it has no '${parts[index + 1]}'`);
			}
			current = resolved.path;
		}
	}

	/** A nested interpolation used as a key (`${a.${k}}`) must give a string. */
	private keyText(nested: Interpolation, containerPath: ConfigPath): string {
		const resolved = this.evaluate(nested, containerPath);
		const value = 'text' in resolved ? resolved.text : nodeAt(this.root, resolved.path);
		if (typeof value !== 'string') {
			fail(`${nested.source} is used as a key but does not give a string`);
		}
		return value;
	}

	/** Python's `str()` of a resolved value, as OmegaConf joins the parts of a string interpolation. */
	private pythonStr(resolved: Resolved, interpolation: Interpolation): string {
		if ('text' in resolved) {
			return resolved.text;
		}
		const text = pythonStrOfScalar(nodeAt(this.root, resolved.path));
		if (text !== undefined) {
			return text;
		}
		return fail(`${interpolation.source} puts a whole mapping or list inside a longer string; OmegaConf would insert its Python repr, which is not reproduced`);
	}
}

/**
 * Resolves OmegaConf interpolations the way `OmegaConf.to_container(cfg, resolve=True)` does
 * for a config created from this JSON: `${a.b}` absolute and `${.x}` / `${..x}` relative
 * references, list indices (`${a.0}`, `${a[0]}`), chains and nested keys (`${a.${k}}`). A
 * string that is exactly one interpolation takes the referenced value with its type (a whole
 * subtree for a mapping or list); inside a longer string the value is written as Python's
 * `str()` would (`lr_${lr}` → `lr_0.001`, `None`, `True`). `\${` gives a literal `${`. Key order
 * and number tokens are preserved; the input is not modified. Cycles, missing keys, `???`
 * values, syntax errors and resolver calls (`${now:...}`, `${oc.env:...}`) are returned as
 * errors, never thrown.
 */
export function resolveInterpolations(config: JsonNode): InterpolationResult {
	try {
		return { ok: true, value: new InterpolationResolver(config).resolveTree([]) };
	} catch (error) {
		if (error instanceof ResolutionFailure) {
			return { ok: false, error: error.message };
		}
		if (error instanceof RangeError) {
			return { ok: false, error: `the interpolations nest too deeply to resolve (${error.message})` };
		}
		throw error;
	}
}
