import { parseArgs } from 'node:util';

/** What `npm run bench -- …` was asked for. */
export interface BenchOptions {
	/** Runs in the main workspace, where every figure is measured (default 10,000). */
	readonly runs: number;
	/** Run counts of the scaling table (default 1,000 and 10,000). */
	readonly scales: readonly number[];
	/** Timed repetitions of each cold load (default 7; at least 3). */
	readonly repetitions: number;
	/** Writes per kind of write in the event-latency test (default 200). */
	readonly writes: number;
	/** Leave the generated workspaces in place (their path is printed). */
	readonly keep: boolean;
}

function positiveInteger(text: string, name: string): number {
	const value = Number(text.replace(/_/g, ''));
	if (!Number.isInteger(value) || value <= 0) {
		throw new Error(`--${name} must be a positive integer, not "${text}"`);
	}
	return value;
}

/** Parses the bench's arguments; throws with a usage message on a bad one. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
	const { values } = parseArgs({
		args: [...argv],
		strict: true,
		options: {
			runs: { type: 'string' },
			scales: { type: 'string' },
			repetitions: { type: 'string' },
			writes: { type: 'string' },
			keep: { type: 'boolean' },
		},
	});
	return {
		runs: positiveInteger(values.runs ?? '10000', 'runs'),
		scales: (values.scales ?? '1000,10000').split(',').filter((part) => part.trim() !== '').map((part) => positiveInteger(part.trim(), 'scales')),
		repetitions: Math.max(3, positiveInteger(values.repetitions ?? '7', 'repetitions')),
		writes: positiveInteger(values.writes ?? '200', 'writes'),
		keep: values.keep === true,
	};
}
