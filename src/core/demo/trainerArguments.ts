import { parseArgs } from 'node:util';

/** The simulated trainer's command line. */
export interface TrainerArguments {
	/** The run folder (`<root>/experiments/<id>`). */
	readonly runDir: string;
	/** Wall time of one epoch, in ms (default 1000). */
	readonly intervalMs: number;
	/** Total epochs; default: the tracker's `total_epochs`, else the config's `training.epochs`, else 10. */
	readonly epochs?: number;
	/** First epoch this process trains; default: the tracker's `current_epoch + 1`. */
	readonly startEpoch?: number;
	/** Epoch during which training crashes (`fail_experiment` with a CUDA out-of-memory error). */
	readonly failAt?: number;
	/** Pause between the pieces of each in-place file write, in ms (default 5). */
	readonly writePauseMs: number;
}

/** How to call the trainer. */
export const trainerUsage = 'usage: trainerProcess <runDir> [--interval-ms N] [--epochs N] [--start-epoch N] [--fail-at N] [--write-pause-ms N]';

function wholeNumber(flag: string, text: string | undefined, minimum: number): number | undefined | string {
	if (text === undefined) {
		return undefined;
	}
	const value = Number(text);
	return Number.isSafeInteger(value) && value >= minimum ? value : `--${flag} must be a whole number of at least ${minimum}, not "${text}"`;
}

function readFlags(argv: readonly string[]) {
	return parseArgs({
		args: [...argv],
		allowPositionals: true,
		options: { 'interval-ms': { type: 'string' }, epochs: { type: 'string' }, 'start-epoch': { type: 'string' }, 'fail-at': { type: 'string' }, 'write-pause-ms': { type: 'string' } },
	});
}

/** Reads the command line (without `node` and the script); a string is the problem, for stderr. */
export function parseTrainerArguments(argv: readonly string[]): TrainerArguments | string {
	let parsed: ReturnType<typeof readFlags>;
	try {
		parsed = readFlags(argv);
	} catch (error) {
		return `${(error as Error).message}\n${trainerUsage}`;
	}
	if (parsed.positionals.length !== 1) {
		return trainerUsage;
	}
	const values = parsed.values;
	const numbers = {
		intervalMs: wholeNumber('interval-ms', values['interval-ms'], 0),
		epochs: wholeNumber('epochs', values.epochs, 1),
		startEpoch: wholeNumber('start-epoch', values['start-epoch'], 1),
		failAt: wholeNumber('fail-at', values['fail-at'], 1),
		writePauseMs: wholeNumber('write-pause-ms', values['write-pause-ms'], 0),
	};
	const problem = Object.values(numbers).find((value) => typeof value === 'string');
	if (typeof problem === 'string') {
		return `${problem}\n${trainerUsage}`;
	}
	const read = (value: number | string | undefined) => value as number | undefined;
	return {
		runDir: parsed.positionals[0]!,
		intervalMs: read(numbers.intervalMs) ?? 1000,
		epochs: read(numbers.epochs),
		startEpoch: read(numbers.startEpoch),
		failAt: read(numbers.failAt),
		writePauseMs: read(numbers.writePauseMs) ?? 5,
	};
}
