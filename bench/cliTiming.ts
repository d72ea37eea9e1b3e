import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { type Samples, summarize } from './stats';

/** One child process run: wall time from spawn to exit, and what it printed. */
async function runTimed(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; stdout: string }> {
	const start = performance.now();
	const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/** How `exptrack list` was timed: with its run-summary cache warm, on a first run that fills it, and with `--no-cache`. */
export interface CliTimings {
	readonly cached: Samples;
	readonly firstRun: number;
	readonly uncached: Samples;
}

/**
 * `node <cli> list --json --root <root>` as a child process (output read through a pipe, as a
 * shell pipeline would), with its cache in a fresh `cacheDir`: `repetitions` times with
 * `--no-cache`, once to fill the cache, then `repetitions` times from it. Throws unless every
 * run lists `expectedRuns` runs, and unless the cached listing equals the uncached one.
 */
export async function measureCliList(cli: string, root: string, cwd: string, cacheDir: string, expectedRuns: number, repetitions: number): Promise<CliTimings> {
	const env = { ...process.env, EXPTRACK_CACHE_DIR: cacheDir };
	const once = async (extra: readonly string[]): Promise<{ ms: number; stdout: string }> => {
		const result = await runTimed([cli, 'list', '--json', '--root', root, ...extra], cwd, env);
		const listed = JSON.parse(result.stdout) as unknown[];
		if (listed.length !== expectedRuns) {
			throw new Error(`exptrack list printed ${listed.length} runs, expected ${expectedRuns}`);
		}
		return result;
	};
	const uncached: number[] = [];
	let uncachedText = '';
	for (let index = 0; index < repetitions; index++) {
		const { ms, stdout } = await once(['--no-cache']);
		uncached.push(ms);
		uncachedText = stdout;
	}
	const firstRun = (await once([])).ms;
	const cached: number[] = [];
	for (let index = 0; index < repetitions; index++) {
		const { ms, stdout } = await once([]);
		if (stdout !== uncachedText) {
			throw new Error('exptrack list printed something else from its cache than without it');
		}
		cached.push(ms);
	}
	return { cached: summarize(cached), firstRun, uncached: summarize(uncached) };
}
