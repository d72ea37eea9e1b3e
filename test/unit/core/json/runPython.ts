import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** The repository root, from the compiled test's folder (out/test/unit/core/json). */
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** The §6.2 completed-run tracker file, verbatim from the spec (no trailing newline). */
export const completedTrackerFixture = path.join(repoRoot, 'test/fixtures/python/experiment_tracker.completed.json');

/**
 * Runs `python3 -c script` once, feeding `input` as UTF-8 on stdin, and returns its stdout as
 * parsed JSON. Scripts print `json.dumps(result)` (ASCII-escaped, so lone surrogates survive).
 */
export function runPython(script: string, input: unknown): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) {
				reject(new Error(`python3 exited with ${String(code)}: ${Buffer.concat(stderr).toString('utf8')}`));
				return;
			}
			try {
				resolve(JSON.parse(Buffer.concat(stdout).toString('utf8')));
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
		child.stdin.end(JSON.stringify(input), 'utf8');
	});
}

/** Python source that reads the JSON sent by {@link runPython} from stdin. */
export const pythonReadInput = 'import json, sys\ncases = json.loads(sys.stdin.buffer.read().decode("utf-8"))\n';
