import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ProblemKind } from '../../../../src/core/problems';

/** The repository root, from the compiled helper's folder (out/test/unit/core/hostile). */
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** The spec §6.2 completed-run tracker file, verbatim: the base every hostile tracker is made from. */
export const fixtureBytes = readFileSync(path.join(repoRoot, 'test/fixtures/python/experiment_tracker.completed.json'));
export const fixtureText = fixtureBytes.toString('utf8');

export const trackerFile = 'experiment_tracker.json';
export const infoFile = 'experiment_info.json';

/** One run folder of the corpus and what the scan must say about it. */
export interface HostileCase {
	/** Folder name under `<root>/experiments/`. */
	readonly name: string;
	/** The `it` that checks it. */
	readonly group: string;
	/**
	 * Acceptable problem-kind lists (each sorted); `[[]]` for a good run. A list of two kinds is
	 * a file bad in two independent ways (see the case's comment).
	 */
	readonly expect: readonly (readonly ProblemKind[])[];
	/** The file the problem must name, relative to the run folder (default the tracker file). */
	readonly file?: string;
	/** What the message must mention, so a human knows what is wrong. */
	readonly mentions?: RegExp;
	/** The status the run must show (good runs). */
	readonly status?: string;
	/** Writes the run folder's files into `dir` (which exists). */
	build(dir: string): Promise<void>;
}

/** A case whose tracker file holds `content`. */
export function trackerCase(group: string, name: string, content: string | Uint8Array, expect: HostileCase['expect'], mentions?: RegExp): HostileCase {
	return { name, group, expect, mentions, build: (dir) => writeFile(path.join(dir, trackerFile), content) };
}

/** Writes `content` at `relative` inside `dir`, creating folders. */
export async function put(dir: string, relative: string, content: string | Uint8Array): Promise<void> {
	await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
	await writeFile(path.join(dir, relative), content);
}

/** The fixture as an object (it is strict JSON), keys in Python's order. */
export function fixtureObject(): Record<string, unknown> {
	return JSON.parse(fixtureText) as Record<string, unknown>;
}

/** `json.dump(indent=2)` layout of a plain value; the string `'NaN!'` becomes a bare NaN token. */
export function pythonLayout(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(/"NaN!"/g, 'NaN');
}

/** The fixture with `key`'s value replaced by raw JSON text `raw` (key order kept). */
export function withRawValue(key: string, raw: string): string {
	const placeholder = `@@${key}@@`;
	return pythonLayout({ ...fixtureObject(), [key]: placeholder }).replace(`"${placeholder}"`, () => raw);
}
