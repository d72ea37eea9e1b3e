import { performance } from 'node:perf_hooks';
import { RunIndex } from '../src/core/index/runIndex';
import type { RootSpec } from '../src/core/runs/discover';
import { floorPass } from './floor';
import type { GeneratedRun } from './generateRuns';
import { collectGarbage, type Samples, summarize, timeRepeated } from './stats';

/** The index's stale threshold in every measurement (the extension's default). */
export const staleMinutes = 10;

/** Floor and cold index load over the same root, each the minimum of its repetitions. */
export interface ColdLoad {
	readonly runs: number;
	readonly floor: Samples;
	readonly index: Samples;
	/** index.min / floor.min. */
	readonly ratio: number;
}

/** One cold `RunIndex.load()`; returns the number of runs it found. */
export async function loadIndexOnce(spec: RootSpec, concurrency?: number): Promise<number> {
	const index = new RunIndex({ roots: [spec], staleMinutes, ...(concurrency === undefined ? {} : { concurrency }) });
	try {
		await index.load();
		return index.size;
	} finally {
		index.dispose();
	}
}

/**
 * Times the floor and the cold index load alternately (floor, index, floor, index, …) after
 * two warm-ups of each, so both see the same warm page cache and the same machine noise.
 * Throws when the two disagree on the number of runs: then they did not do the same work.
 */
export async function compareColdLoad(spec: RootSpec, repetitions: number, concurrency?: number): Promise<ColdLoad> {
	// Two warm-ups each: the first pass of the index also compiles its hot paths.
	const floorRuns = floorPass(spec.root);
	const indexRuns = await loadIndexOnce(spec, concurrency);
	floorPass(spec.root);
	await loadIndexOnce(spec, concurrency);
	if (floorRuns !== indexRuns) {
		throw new Error(`the floor read ${floorRuns} runs but the index found ${indexRuns}`);
	}
	const floor: number[] = [];
	const index: number[] = [];
	for (let repetition = 0; repetition < repetitions; repetition++) {
		collectGarbage();
		let start = performance.now();
		floorPass(spec.root);
		floor.push(performance.now() - start);
		collectGarbage();
		start = performance.now();
		await loadIndexOnce(spec, concurrency);
		index.push(performance.now() - start);
	}
	const result = { runs: indexRuns, floor: summarize(floor), index: summarize(index) };
	return { ...result, ratio: result.index.min / result.floor.min };
}

/** Cold load time (min of `repetitions`) for each `concurrency` option value. */
export async function sweepConcurrency(spec: RootSpec, values: readonly number[], repetitions: number): Promise<Array<{ concurrency: number; ms: number }>> {
	const results: Array<{ concurrency: number; ms: number }> = [];
	for (const concurrency of values) {
		results.push({ concurrency, ms: (await timeRepeated(() => loadIndexOnce(spec, concurrency), repetitions)).min });
	}
	return results;
}

/** Evenly spread picks of `count` items (all of them when there are fewer). */
export function spread<T>(items: readonly T[], count: number): T[] {
	if (items.length <= count) {
		return [...items];
	}
	return Array.from({ length: count }, (_, pick) => items[Math.floor((pick * items.length) / count)]!);
}

/** `refreshRun` timings: the first of a run (its log follower is new and reads the whole log), and a repeat (incremental). */
export interface RefreshTimes {
	readonly first: Samples;
	readonly repeat: Samples;
	readonly runs: number;
}

/** Times `index.refreshRun(location)` for each of `runs`, one at a time, twice each. */
export async function measureRefresh(index: RunIndex, runs: readonly GeneratedRun[]): Promise<RefreshTimes> {
	const first: number[] = [];
	const repeat: number[] = [];
	for (const run of runs) {
		const location = index.get(run.dir);
		if (!location) {
			throw new Error(`the index lacks ${run.dir}`);
		}
		for (const samples of [first, repeat]) {
			const start = performance.now();
			await index.refreshRun(location);
			samples.push(performance.now() - start);
		}
	}
	return { first: summarize(first), repeat: summarize(repeat), runs: runs.length };
}

/** Heap in use after a full collection, in bytes. */
export function settledHeap(): number {
	collectGarbage();
	collectGarbage();
	return process.memoryUsage().heapUsed;
}
