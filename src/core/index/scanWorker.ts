// Entry of the index's cold-load worker threads (see parallelLoad.ts): reads batches of run
// folders with synchronous I/O and posts their summaries back. Synchronous reads are right
// here and nowhere else: this thread only ever blocks itself, never the extension host's.
// Why not async I/O here too (npm run bench, 10,000 runs, 2 CPUs, floor ≈ 550 ms): the same
// reader driven by async I/O took ~4× the floor in one thread and ~6× split over two workers
// (they share libuv's thread pool: ~10 thread-pool round trips per run), against ~1.8× in one
// thread and 1.17× in two workers with synchronous reads. Async I/O stays everywhere else.
import { parentPort } from 'node:worker_threads';
import { runIoTaskBlocking } from '../fs/runIoTask';
import { readRunSummaryTask } from '../runs/readRun';
import type { RunSummary } from '../runs/runModel';
import type { ScanBatch, ScanReply } from './scanProtocol';

/** Reads one batch; runs that had to wait (a torn file's retry, a journal) finish asynchronously. */
async function readBatch(batch: ScanBatch): Promise<ScanReply> {
	const options = { staleMinutes: batch.staleMinutes, nowMs: batch.nowMs };
	const runs = new Array<RunSummary | undefined>(batch.locations.length);
	const waiting: Array<Promise<void>> = [];
	batch.locations.forEach((location, index) => {
		const read = runIoTaskBlocking(readRunSummaryTask(location, options));
		if (read instanceof Promise) {
			waiting.push(read.then((run) => {
				runs[index] = run;
			}));
		} else {
			runs[index] = read;
		}
	});
	await Promise.all(waiting);
	return { id: batch.id, runs };
}

// One batch at a time: a batch whose runs wait is not held up behind the next one's reads.
const queue: ScanBatch[] = [];
let busy = false;

async function drain(): Promise<void> {
	busy = true;
	for (let batch = queue.shift(); batch; batch = queue.shift()) {
		const id = batch.id;
		const reply = await readBatch(batch).catch((error: unknown): ScanReply => ({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) }));
		parentPort?.postMessage(reply);
	}
	busy = false;
}

parentPort?.on('message', (batch: ScanBatch) => {
	queue.push(batch);
	if (!busy) {
		void drain();
	}
});
