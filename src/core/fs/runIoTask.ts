import { lstatSync, readdirSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { listFolder, readFileWindow, readFileWindowSync } from './fileWindow';
import type { IoRequest, IoTask } from './ioTask';

/**
 * Runs an {@link IoTask} with async I/O (the callback API behind one promise per step): what
 * the extension host's thread uses. Sub-tasks of an `all` request run concurrently.
 */
export async function runIoTask<T>(task: IoTask<T>): Promise<T> {
	let reply: unknown;
	let failure: unknown;
	let failed = false;
	for (;;) {
		const step = failed ? task.throw(failure) : task.next(reply);
		if (step.done) {
			return step.value;
		}
		failed = false;
		try {
			reply = await performAsync(step.value);
		} catch (error) {
			failed = true;
			failure = error;
		}
	}
}

function performAsync(request: IoRequest): Promise<unknown> {
	switch (request.kind) {
		case 'list': return listFolder(request.dir);
		case 'window': return readFileWindow(request.file, request.choose);
		case 'lstat': return lstat(request.file);
		case 'sleep': return pause(request.ms);
		case 'call': return request.run();
		case 'all': return Promise.all(request.tasks.map((task) => runIoTask(task)));
	}
}

/** Answers one request of a task synchronously (or with a promise, for what cannot be synchronous). */
export type BlockingPerformer = (request: IoRequest) => unknown;

/**
 * Runs an {@link IoTask} with synchronous I/O, for threads that may block (the index's worker
 * threads, a command-line process); the extension host's thread never does. Steps that cannot
 * be synchronous (a retry's wait, an async-only call) continue asynchronously, so the result is
 * a promise only for the tasks that needed one of those; every other task completes before
 * this returns. `perform` answers the requests (default {@link performBlocking}; a recorder
 * wraps it to note what was read, see `recordedRead`).
 */
export function runIoTaskBlocking<T>(task: IoTask<T>, perform: BlockingPerformer = performBlocking): T | Promise<T> {
	return drive(task, perform, undefined, false, undefined);
}

function drive<T>(task: IoTask<T>, perform: BlockingPerformer, reply: unknown, failed: boolean, failure: unknown): T | Promise<T> {
	for (;;) {
		const step = failed ? task.throw(failure) : task.next(reply);
		if (step.done) {
			return step.value;
		}
		failed = false;
		let outcome: unknown;
		try {
			outcome = perform(step.value);
		} catch (error) {
			failed = true;
			failure = error;
			continue;
		}
		if (outcome instanceof Promise) {
			return outcome.then((value) => drive(task, perform, value, false, undefined), (error: unknown) => drive(task, perform, undefined, true, error));
		}
		reply = outcome;
	}
}

/**
 * One buffer for every synchronous read that fits: a task consumes a window's bytes before its
 * next `yield` (see `IoTask`), and synchronous steps never interleave, so no read overwrites
 * bytes still in use. It spares the garbage collector a buffer per file at every cold load.
 */
const scratch = Buffer.allocUnsafe(64 * 1024);

/** The plain synchronous answer to each request. */
export function performBlocking(request: IoRequest): unknown {
	switch (request.kind) {
		case 'list': return readdirSync(request.dir);
		case 'window': return readFileWindowSync(request.file, request.choose, scratch);
		case 'lstat': return lstatSync(request.file);
		case 'sleep': return pause(request.ms);
		case 'call': return request.run();
		case 'all': return allBlocking(request.tasks, performBlocking);
	}
}

/** An `all` request's sub-tasks, one after the other, each with `perform`. */
export function allBlocking(tasks: ReadonlyArray<IoTask<unknown>>, perform: BlockingPerformer): unknown {
	const results = tasks.map((task) => runIoTaskBlocking(task, perform));
	return results.some((result) => result instanceof Promise) ? Promise.all(results) : results;
}

function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
