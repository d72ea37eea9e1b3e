import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDemoWorkspace, type DemoRun, type DemoRunKind, type DemoWorkspace } from '../../../../src/core/demo/demoWorkspace';
import { type JsonNode, type JsonObject, isJsonObject } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';

/** A fixed "now" (local time) so the demo's timestamps are reproducible. */
export const fixedNow = new Date(2026, 11, 4, 15, 30, 0);

/** A temp folder holding a demo workspace; `dispose` removes it. */
export interface DemoFixture {
	readonly demo: DemoWorkspace;
	dispose(): Promise<void>;
}

/** Generates the demo into a fresh temp folder. */
export async function makeDemo(liveTotalEpochs?: number): Promise<DemoFixture> {
	const workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-demo-'));
	const demo = await createDemoWorkspace(workspace, { now: fixedNow, liveTotalEpochs });
	return { demo, dispose: () => rm(workspace, { recursive: true, force: true }) };
}

/** The first run of a kind (and name, when given); fails the test when there is none. */
export function runOf(demo: DemoWorkspace, kind: DemoRunKind, name?: string): DemoRun {
	const run = demo.runs.find((candidate) => candidate.kind === kind && (name === undefined || candidate.name === name));
	if (!run) {
		throw new Error(`the demo has no ${kind} run${name ? ` named ${name}` : ''}`);
	}
	return run;
}

/** Parses a file with NaN support (as Python's json.load); throws when it does not parse. */
export async function readJson(file: string): Promise<JsonNode> {
	const parsed = parseLenient(await readFile(file, 'utf8'));
	if (!parsed.ok) {
		throw new Error(`${file} does not parse: ${parsed.error.message}`);
	}
	return parsed.value;
}

/** Like {@link readJson} for a file whose top level must be an object. */
export async function readObject(file: string): Promise<JsonObject> {
	const value = await readJson(file);
	if (!isJsonObject(value)) {
		throw new Error(`${file} is not a JSON object`);
	}
	return value;
}

/** The non-empty lines of a JSONL file, each parsed. */
export async function readJsonl(file: string): Promise<JsonObject[]> {
	const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
	return lines.map((line) => {
		const parsed = parseLenient(line);
		if (!parsed.ok || !isJsonObject(parsed.value)) {
			throw new Error(`a line of ${file} does not parse: ${line}`);
		}
		return parsed.value;
	});
}

/** Every file under `dir`, as absolute paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}
