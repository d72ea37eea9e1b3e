import { Worker } from 'node:worker_threads';

/** How long a worker waits, idle and warm, for the next cold load before it ends. */
const idleMs = 30_000;

const idle = new Map<string, Worker[]>();
const idleListeners = new WeakMap<Worker, () => void>();
let idleTimer: NodeJS.Timeout | undefined;

/**
 * A scan worker running `file`: an idle one from the last load when there is one (its code is
 * loaded and its hot paths compiled, which a fresh thread spends the first thousand runs on),
 * else a new one. Throws when worker threads cannot start here. The worker keeps the process
 * alive until {@link releaseWorker}.
 */
export function takeWorker(file: string): Worker {
	const worker = idle.get(file)?.pop() ?? new Worker(file);
	const forget = idleListeners.get(worker);
	if (forget) {
		worker.off('error', forget);
		worker.off('exit', forget);
		idleListeners.delete(worker);
	}
	worker.ref();
	return worker;
}

/**
 * Hands a worker back after a load (the caller has removed its own listeners): it waits,
 * unreferenced (it never keeps a process such as `exptrack` from exiting), for the next
 * load, and ends after 30 s without one.
 */
export function releaseWorker(file: string, worker: Worker): void {
	const forget = (): void => {
		const list = idle.get(file) ?? [];
		if (list.includes(worker)) {
			list.splice(list.indexOf(worker), 1);
		}
	};
	worker.once('error', forget);
	worker.once('exit', forget);
	// Taken again, the worker must not carry these two into the next load.
	idleListeners.set(worker, forget);
	worker.unref();
	idle.set(file, [...(idle.get(file) ?? []), worker]);
	clearTimeout(idleTimer);
	idleTimer = setTimeout(endIdleWorkers, idleMs);
	idleTimer.unref();
}

/** Ends every idle worker now. */
export function endIdleWorkers(): void {
	clearTimeout(idleTimer);
	const workers = [...idle.values()].flat();
	idle.clear();
	for (const worker of workers) {
		void worker.terminate();
	}
}
