import * as assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runJsonProcess } from '../../../shared/runJsonProcess';

/** The repository root, from the compiled helper's folder (out/test/unit/core/pythonCompat). */
export const repoRoot = path.resolve(__dirname, '../../../../..');

const scriptsDir = path.join(repoRoot, 'test', 'fixtures', 'python');

/**
 * Runs `python3 -B test/fixtures/python/<script>` once, with `input` as JSON on stdin, and
 * returns its stdout parsed (`-B`: no `__pycache__` is written into the repository).
 */
export function runPythonScript(script: string, input: unknown): Promise<unknown> {
	return runJsonProcess('python3', ['-B', path.join(scriptsDir, script)], input);
}

/** One file for check_written_files.py (see that script for what each flag checks). */
export interface FileCheck {
	readonly path: string;
	/** CrackSeg's loader must accept it. */
	readonly tracker?: boolean;
	/** The bytes must be exactly what `json.dump(indent=2)` writes for the content. */
	readonly canonical?: boolean;
	/** The keys in order; `'all32'` is the Python dataclass's 32 fields. */
	readonly keys?: readonly string[] | 'all32';
	/** The keys must be exactly those of this other file, in its order. */
	readonly sameKeysAs?: string;
	readonly compareTo?: string;
	readonly changed?: readonly string[];
}

/** Checks all files in one Python process; fails listing every file Python disagrees with. */
export async function assertPythonAccepts(checks: readonly FileCheck[]): Promise<void> {
	assert.ok(checks.length > 0, 'nothing to check');
	const results = await runPythonScript('check_written_files.py', checks) as { path: string; errors: string[] }[];
	const failures = results.filter((result) => result.errors.length > 0).map((result) => `${result.path}:\n  ${result.errors.join('\n  ')}`);
	assert.equal(failures.length, 0, `Python disagrees with ${failures.length} of ${checks.length} files:\n${failures.join('\n')}`);
}

/** Writes tracker files with CrackSeg's own dataclass + json.dump (write_python_trackers.py). */
export async function writePythonTrackers(requests: readonly { path: string; variant: 'completed' | 'running' | 'failed'; drop?: readonly string[] }[]): Promise<void> {
	await runPythonScript('write_python_trackers.py', requests);
}

/** A temp folder and a way to keep numbered copies of a file's states in it, for one batched Python check. */
export async function stateRecorder(prefix: string): Promise<{ dir: string; keep(file: string, label: string): Promise<string> }> {
	const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
	const states = path.join(dir, 'states');
	await mkdir(states);
	let count = 0;
	return {
		dir,
		async keep(file, label) {
			count += 1;
			const copy = path.join(states, `${String(count).padStart(3, '0')}-${label}.json`);
			await copyFile(file, copy);
			return copy;
		},
	};
}
