import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { RunLocation, RunSummary } from '../runs/runModel';
import type { ScanBatch, ScanReply } from './scanProtocol';
import { releaseWorker, takeWorker } from './scanWorkerCache';

/**
 * The scan worker's script: next to this module both in `out/` (tsc) and in `dist/` (the
 * esbuild bundles put `scanWorker.js` beside `extension.js` and `cli.js`).
 */
export const scanWorkerFile = path.join(__dirname, 'scanWorker.js');

/** What every run of one load is read with. */
export interface ScanSettings {
	readonly staleMinutes: number;
	readonly nowMs: number;
}

type RunRead = RunSummary | undefined;

/** Reads run folders in this thread: the fallback for what no worker can read. */
export type InThreadReader = (locations: readonly RunLocation[]) => Promise<RunRead[]>;

/** Runs per batch: small enough to spread the work evenly, large enough that messages cost little. */
const batchSize = 250;
/** Batches each worker holds at once: the next is already queued while it posts one back. */
const batchesInFlight = 2;

interface Chunk {
	readonly results: RunRead[];
	pending: number;
	readonly resolve: (runs: RunRead[]) => void;
	readonly reject: (error: Error) => void;
}

interface Job {
	readonly batch: ScanBatch;
	readonly chunk: Chunk;
}

interface Slot {
	readonly worker: Worker;
	readonly held: Map<number, Job>;
	dead: boolean;
	/** Removes this pool's listeners from the worker. */
	detach(): void;
}

/**
 * Worker threads for one cold load. Each reads batches of run folders on its own event loop
 * and core, with synchronous I/O that blocks only itself (see scanWorker.ts), so the calling
 * thread (the extension host's) only discovers folders and merges summaries. Made as soon as
 * a load sees many folders, so the workers start while discovery goes on, and fed in chunks
 * as discovery finds them. A worker that cannot start or dies hands its batches back; what no
 * worker can read is read by the in-thread reader, so a load never fails for lack of workers.
 */
export class ScanWorkerPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Job[] = [];
	private nextId = 0;

	constructor(count: number, private readonly settings: ScanSettings, private readonly readInThread: InThreadReader, private readonly file = scanWorkerFile) {
		for (let index = 0; index < count; index++) {
			try {
				this.attach(takeWorker(file));
			} catch {
				// No worker threads here: the in-thread reader does the work.
			}
		}
	}

	/**
	 * Reads `locations` and resolves with one summary (or `undefined`: not a run) per location,
	 * in order. Rejects when a read throws in a worker, as it would in this thread.
	 */
	read(locations: readonly RunLocation[]): Promise<RunRead[]> {
		return new Promise((resolve, reject) => {
			const chunk: Chunk = { results: new Array<RunRead>(locations.length), pending: 0, resolve, reject };
			for (let start = 0; start < locations.length; start += batchSize) {
				chunk.pending++;
				this.queue.push({ chunk, batch: { id: this.nextId++, offset: start, locations: locations.slice(start, start + batchSize), ...this.settings } });
			}
			if (chunk.pending === 0) {
				resolve(chunk.results);
			}
			this.dispatch();
		});
	}

	/** Gives the workers back (warm, for the next load) once every read has settled. */
	close(): void {
		for (const slot of this.slots) {
			if (!slot.dead) {
				slot.dead = true;
				slot.detach();
				if (slot.held.size === 0) {
					releaseWorker(this.file, slot.worker);
				} else {
					void slot.worker.terminate();
				}
			}
		}
	}

	private attach(worker: Worker): void {
		const slot: Slot = { worker, held: new Map(), dead: false, detach: () => undefined };
		this.slots.push(slot);
		const onMessage = (reply: ScanReply): void => {
			const job = slot.held.get(reply.id);
			slot.held.delete(reply.id);
			if (job) {
				if ('error' in reply) {
					job.chunk.reject(new Error(reply.error));
				} else {
					this.deliver(job, reply.runs);
				}
			}
			this.dispatch();
		};
		// A worker that cannot load its script, or dies: its batches go back to the queue.
		const lost = (): void => {
			if (!slot.dead) {
				slot.dead = true;
				this.queue.unshift(...slot.held.values());
				slot.held.clear();
				void worker.terminate();
				this.dispatch();
			}
		};
		worker.on('message', onMessage);
		worker.on('error', lost);
		worker.on('exit', lost);
		slot.detach = () => {
			worker.off('message', onMessage);
			worker.off('error', lost);
			worker.off('exit', lost);
		};
	}

	/** Hands queued batches to workers with room; with no worker left, reads them here. */
	private dispatch(): void {
		const live = this.slots.filter((slot) => !slot.dead);
		if (live.length === 0) {
			for (const job of this.queue.splice(0)) {
				this.readInThread(job.batch.locations).then((runs) => this.deliver(job, runs), (error: Error) => job.chunk.reject(error));
			}
			return;
		}
		for (const slot of live) {
			while (slot.held.size < batchesInFlight && this.queue.length > 0) {
				const job = this.queue.shift()!;
				slot.held.set(job.batch.id, job);
				slot.worker.postMessage(job.batch);
			}
		}
	}

	private deliver(job: Job, runs: readonly RunRead[]): void {
		runs.forEach((run, index) => {
			job.chunk.results[job.batch.offset + index] = run;
		});
		if (--job.chunk.pending === 0) {
			job.chunk.resolve(job.chunk.results);
		}
	}
}
