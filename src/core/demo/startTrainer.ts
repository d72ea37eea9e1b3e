import { type ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import * as path from 'node:path';

/** The compiled trainer entry point, next to this file. */
export const trainerScript = path.join(__dirname, 'trainerProcess.js');

/** How to run the simulated trainer (see trainerProcess.ts for the defaults). */
export interface StartTrainerOptions {
	/** Wall time of one epoch, in ms. */
	readonly intervalMs?: number;
	readonly epochs?: number;
	readonly startEpoch?: number;
	readonly failAt?: number;
	/** Pause between the pieces of each in-place write, in ms. */
	readonly writePauseMs?: number;
	/** Start it as the leader of its own process group (kill the group with `process.kill(-pid)`). */
	readonly detached?: boolean;
	/** Default 'ignore'. */
	readonly stdio?: StdioOptions;
}

/** The trainer's command-line arguments for `runDir` and `options`. */
export function trainerArguments(runDir: string, options: StartTrainerOptions = {}): string[] {
	const flags: Array<[string, number | undefined]> = [
		['--interval-ms', options.intervalMs], ['--epochs', options.epochs], ['--start-epoch', options.startEpoch],
		['--fail-at', options.failAt], ['--write-pause-ms', options.writePauseMs],
	];
	return [runDir, ...flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)]))];
}

/**
 * Starts the simulated training process on a run folder as a real child process of this Node
 * (or Electron, run as Node) executable. The caller owns it: wait for its 'exit', or stop it with
 * SIGTERM (leaves "running") or SIGINT (aborts the run).
 */
export function startTrainer(runDir: string, options: StartTrainerOptions = {}): ChildProcess {
	return spawn(process.execPath, [trainerScript, ...trainerArguments(runDir, options)], {
		detached: options.detached ?? false,
		stdio: options.stdio ?? 'ignore',
		env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
		windowsHide: true,
	});
}
