import type { Stats } from 'node:fs';
import type { FileWindow, WindowChoice } from './fileWindow';

/**
 * One file-system step an {@link IoTask} asks its driver for. The driver answers with the
 * result, or throws the errno error (or `NotARegularFileError`) into the task at its `yield`.
 */
export type IoRequest =
	| { readonly kind: 'list'; readonly dir: string }
	| { readonly kind: 'window'; readonly file: string; readonly choose: WindowChoice }
	| { readonly kind: 'lstat'; readonly file: string }
	| { readonly kind: 'sleep'; readonly ms: number }
	/** Work only an async function can do (journal, training config, a log follower). */
	| { readonly kind: 'call'; readonly run: () => Promise<unknown> }
	/** Sub-tasks that may run concurrently; answered with their results, in order. */
	| { readonly kind: 'all'; readonly tasks: ReadonlyArray<IoTask<unknown>> };

/**
 * A computation that reads files only through {@link IoRequest}s, so one implementation of
 * reading a run serves two drivers: `runIoTask` (async I/O, for the extension host's thread)
 * and `runIoTaskBlocking` (synchronous I/O, for the index's worker threads). Write one as a
 * generator function and reach the file system with `yield*` on the helpers below.
 * Invariant: a task consumes (decodes or copies) a window's bytes before its next `yield`;
 * the blocking driver reuses one buffer for them.
 */
export type IoTask<T> = Generator<IoRequest, T, unknown>;

/** The entry names of a folder. */
export function* listFolderTask(dir: string): IoTask<string[]> {
	return (yield { kind: 'list', dir }) as string[];
}

/** A byte range of a regular file and its fstat (see `readFileWindow`). */
export function* fileWindowTask(file: string, choose: WindowChoice): IoTask<FileWindow> {
	return (yield { kind: 'window', file, choose }) as FileWindow;
}

/** `lstat` of a path (the link itself, not its target). */
export function* lstatTask(file: string): IoTask<Stats> {
	return (yield { kind: 'lstat', file }) as Stats;
}

/** Waits `ms` milliseconds (always asynchronously, with either driver). */
export function* sleepTask(ms: number): IoTask<void> {
	yield { kind: 'sleep', ms };
}

/** Runs an async function and gives its result. */
export function* callTask<T>(run: () => Promise<T>): IoTask<T> {
	return (yield { kind: 'call', run }) as T;
}

/** Runs two or three sub-tasks (concurrently with the async driver) and gives their results in order. */
export function allTasks<A, B>(tasks: [IoTask<A>, IoTask<B>]): IoTask<[A, B]>;
export function allTasks<A, B, C>(tasks: [IoTask<A>, IoTask<B>, IoTask<C>]): IoTask<[A, B, C]>;
export function* allTasks(tasks: ReadonlyArray<IoTask<unknown>>): IoTask<unknown[]> {
	return (yield { kind: 'all', tasks }) as unknown[];
}

/** A task that asks for nothing and gives `value` (for a branch with nothing to read). */
// eslint-disable-next-line require-yield
export function* valueTask<T>(value: T): IoTask<T> {
	return value;
}
