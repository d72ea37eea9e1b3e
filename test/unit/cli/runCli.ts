import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root, from the compiled helper's folder (out/test/unit/cli). */
export const repoRoot = path.resolve(__dirname, '../../../..');

/** The bundled CLI the tests run as a child process. */
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

/**
 * The run-summary cache folder of every CLI run of this test process (`EXPTRACK_CACHE_DIR`),
 * so that nothing is left in the user's own cache folder. The cache is on, as for users, but
 * most tests read runs written moments earlier, which it never caches (see `racyWindowMs`);
 * cache.test.ts tests it with settled files.
 */
export const testCacheFolder = mkdtempSync(path.join(os.tmpdir(), 'exptrack-cli-cache-'));
process.on('exit', () => rmSync(testCacheFolder, { recursive: true, force: true }));

/** The spec §6.2 completed-run tracker file, verbatim (no trailing newline). */
export const completedFixture = path.join(repoRoot, 'test/fixtures/python/experiment_tracker.completed.json');

/** Fails with a message that says what to do when the CLI bundle was not built. */
export function assertCliBuilt(): void {
	if (!existsSync(cliPath)) {
		throw new Error(`${cliPath} is missing: build it first with "npx tsc -p . && node esbuild.config.mjs"`);
	}
}

/** What one `node dist/cli.js …` run gave. */
export interface CliResult {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	/** True when the run was killed after `timeoutMs`. */
	readonly timedOut: boolean;
}

/** Limits for one CLI run. */
export interface RunCliOptions {
	/** Killed (and reported as timed out) after this long; default 20 s. */
	readonly timeoutMs?: number;
	/** `ulimit -v` for the child, in KiB: a runaway read then fails fast instead of eating the machine's memory. */
	readonly virtualMemoryKb?: number;
	/** Environment variables for the child, over this process's (and `EXPTRACK_CACHE_DIR`). */
	readonly env?: NodeJS.ProcessEnv;
}

/** Runs `node dist/cli.js ...args` with `cwd` as the workspace; never rejects for a non-zero exit. */
export function runCli(args: readonly string[], cwd: string, options: RunCliOptions = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const [command, commandArgs]: [string, string[]] = options.virtualMemoryKb === undefined
			? [process.execPath, [cliPath, ...args]]
			: ['sh', ['-c', `ulimit -v ${options.virtualMemoryKb} && exec "$0" "$@"`, process.execPath, cliPath, ...args]];
		const env = { ...process.env, EXPTRACK_CACHE_DIR: testCacheFolder, ...options.env };
		const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, options.timeoutMs ?? 20_000);
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), timedOut });
		});
	});
}

/** Runs the CLI and fails with its output unless it exited 0; returns stdout. */
export async function cliOk(args: readonly string[], cwd: string): Promise<string> {
	const result = await runCli(args, cwd);
	if (result.code !== 0) {
		throw new Error(`exptrack ${args.join(' ')} exited ${String(result.code)}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
	}
	return result.stdout;
}

/** Runs `list --json` (plus `extra`) and parses it strictly. */
export async function listJson(cwd: string, extra: readonly string[] = []): Promise<ListedRun[]> {
	return JSON.parse(await cliOk(['list', '--json', ...extra], cwd)) as ListedRun[];
}

/** The fields of a `list --json` entry the tests read. */
export interface ListedRun {
	id: string;
	name: string;
	status: string;
	dir: string;
	currentEpoch: number | null;
	totalEpochs: number | null;
	bestMetrics: Record<string, number | string>;
	tags: string[];
	description: string;
	stale: boolean;
	inferredStatus: string;
	editsInFile: boolean;
	pendingEdits: { op: string }[];
	problems: { kind: string; file: string; message: string; severity: string }[];
}

/** A fresh temp folder playing the workspace (the CLI's cwd). */
export function makeWorkspace(): Promise<string> {
	return mkdtemp(path.join(os.tmpdir(), 'exptrack-cli-'));
}

export function removeWorkspace(dir: string): Promise<void> {
	return rm(dir, { recursive: true, force: true });
}

/** Python `json.dump(indent=2)` layout for plain values; the string `'NaN!'` becomes a bare NaN token. */
export function pythonStyleJson(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(/"NaN!"/g, 'NaN');
}

/** The §6.2 tracker as an object, keys in Python's order. */
export function completedTracker(): Record<string, unknown> {
	return JSON.parse(readFileSync(completedFixture, 'utf8')) as Record<string, unknown>;
}

/**
 * Writes `<root>/experiments/<id>/experiment_tracker.json`: the §6.2 file with `fields`
 * overriding its values (id and name set from `id`). Returns the run folder.
 */
export async function writeRun(root: string, id: string, fields: Record<string, unknown> = {}): Promise<string> {
	const dir = path.join(root, 'experiments', id);
	await mkdir(dir, { recursive: true });
	const name = /^\d{8}-\d{6}-(.+)$/.exec(id)?.[1] ?? id;
	const tracker = { ...completedTracker(), experiment_id: id, experiment_name: name, checkpoint_paths: [], metric_files: [], visualization_files: [], ...fields };
	await writeFile(path.join(dir, 'experiment_tracker.json'), pythonStyleJson(tracker));
	return dir;
}

/** Reads a tracker file, bare NaN tokens read as the string "NaN". */
export async function readTracker(dir: string): Promise<Record<string, unknown>> {
	const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
	return JSON.parse(text.replace(/: NaN(,?)$/gm, ': "NaN"$1')) as Record<string, unknown>;
}

/** The run's journal (`.exptrack/journal.json`), or undefined when none was written. */
export async function readJournal(dir: string): Promise<{ pending: unknown[]; history: unknown[] } | undefined> {
	const text = await readFile(path.join(dir, '.exptrack', 'journal.json'), 'utf8').catch(() => undefined);
	return text === undefined ? undefined : JSON.parse(text) as { pending: unknown[]; history: unknown[] };
}

/** Sets every file under `dir` to have been modified `secondsAgo` ago: the run looks idle. */
export async function ageFiles(dir: string, secondsAgo: number): Promise<void> {
	const when = new Date(Date.now() - secondsAgo * 1000);
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		await utimes(path.join(entry.parentPath, entry.name), when, when);
	}
	await utimes(dir, when, when);
}

/** Python's naive local ISO time with six fraction digits. */
export const isoMicros = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
