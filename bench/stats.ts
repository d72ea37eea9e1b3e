import { performance } from 'node:perf_hooks';

/** Timings of repeated runs of one task, in ms. */
export interface Samples {
	/** Every repetition after the warm-up, in order. */
	readonly samples: readonly number[];
	readonly min: number;
	readonly median: number;
}

/** Forces a full collection when node runs with --expose-gc (so one repetition's garbage is not collected during the next). */
export function collectGarbage(): void {
	(globalThis as { gc?: () => void }).gc?.();
}

/** The value at quantile `q` (0..1) of `values`, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Summarizes samples: minimum (the figure for time: noise only ever adds) and median. */
export function summarize(samples: readonly number[]): Samples {
	return { samples, min: Math.min(...samples), median: quantile(samples, 0.5) };
}

/**
 * Times `task` `repetitions` times after `warmups` untimed runs, collecting garbage before
 * each, so every repetition starts from the same heap and a warm page cache.
 */
export async function timeRepeated(task: () => unknown, repetitions: number, warmups = 1): Promise<Samples> {
	for (let index = 0; index < warmups; index++) {
		await task();
	}
	const samples: number[] = [];
	for (let index = 0; index < repetitions; index++) {
		collectGarbage();
		const start = performance.now();
		await task();
		samples.push(performance.now() - start);
	}
	return summarize(samples);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
