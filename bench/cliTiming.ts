import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { type Samples, summarize } from './stats';

/** One child process run: wall time from spawn to exit, and what it printed. */
async function runTimed(args: readonly string[], cwd: string): Promise<{ ms: number; stdout: string }> {
	const start = performance.now();
	const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	const ms = performance.now() - start;
	if (code !== 0) {
		throw new Error(`node ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 500)}`);
	}
	return { ms, stdout: Buffer.concat(out).toString('utf8') };
}

/** Node's own start-up: `node -e 0`, `repetitions` times. */
export async function measureNodeStartup(cwd: string, repetitions: number): Promise<Samples> {
	const samples: number[] = [];
	for (let index = 0; index < repetitions; index++) {
		samples.push((await runTimed(['-e', '0'], cwd)).ms);
	}
	return summarize(samples);
}

/**
 * `node <cli> list --json --root <root>` as a child process, `repetitions` times (output read
 * through a pipe, as a shell pipeline would). Throws unless it lists `expectedRuns` runs.
 */
export async function measureCliList(cli: string, root: string, cwd: string, expectedRuns: number, repetitions: number): Promise<Samples> {
	const samples: number[] = [];
	for (let index = 0; index < repetitions; index++) {
		const { ms, stdout } = await runTimed([cli, 'list', '--json', '--root', root], cwd);
		const listed = JSON.parse(stdout) as unknown[];
		if (listed.length !== expectedRuns) {
			throw new Error(`exptrack list printed ${listed.length} runs, expected ${expectedRuns}`);
		}
		samples.push(ms);
	}
	return summarize(samples);
}
