import { spawn } from 'node:child_process';

/**
 * Runs a program once with `input` as JSON on stdin and returns its stdout parsed as JSON
 * (the tests' Python checks print `json.dumps(result)`). Rejects with stderr on a non-zero exit.
 */
export function runJsonProcess(command: string, args: readonly string[], input: unknown): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) {
				reject(new Error(`${command} ${args.slice(0, 2).join(' ')} exited with ${String(code)}: ${Buffer.concat(stderr).toString('utf8')}`));
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
