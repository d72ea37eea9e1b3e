import type { RunLocation, RunSummary } from '../runs/runModel';

/** A batch of run folders the main thread hands a scan worker (see parallelLoad.ts). */
export interface ScanBatch {
	/** Unique within the load. */
	readonly id: number;
	/** Position of the batch's first run in the list of locations it was cut from. */
	readonly offset: number;
	readonly locations: readonly RunLocation[];
	readonly staleMinutes: number;
	/** The load's clock reading, ms since the epoch: every run of one load is judged against it. */
	readonly nowMs: number;
}

/** A worker's answer to one {@link ScanBatch}: a summary (or `undefined`: not a run) per location, in order. */
export type ScanReply =
	| { readonly id: number; readonly runs: ReadonlyArray<RunSummary | undefined> }
	/** Reading threw (the in-thread load would have rejected too): the load fails with this. */
	| { readonly id: number; readonly error: string };
