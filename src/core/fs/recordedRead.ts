import { readdirSync, statSync, type Stats } from 'node:fs';
import { isMissingFileError } from './errno';
import type { FileWindow } from './fileWindow';
import type { IoRequest, IoTask } from './ioTask';
import { allBlocking, performBlocking, runIoTaskBlocking, type BlockingPerformer } from './runIoTask';

/**
 * What a blocking read depended on: every folder it listed and file it read, as `stat` saw
 * them (device, inode, size, modification and status-change times), or their absence. If `stat` says
 * the same of each path later, the read would give the same result (see `stampStillHolds`).
 */
export interface ReadStamp {
	readonly paths: readonly string[];
	/** One line per path, in `paths` order: `dev ino size mtimeMs ctimeMs`, or `-` when absent. */
	readonly text: string;
	/** The newest modification or status-change time among the paths, ms since the epoch. */
	readonly newestMs: number;
}

/** A read and what it depended on; `stamp` is undefined when the read cannot be vouched for by stats alone. */
export interface RecordedRead<T> {
	readonly value: T;
	readonly stamp: ReadStamp | undefined;
}

type StatFields = Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs' | 'ctimeMs'>;

function statLine(info: StatFields | undefined): string {
	return info ? `${info.dev} ${info.ino} ${info.size} ${info.mtimeMs} ${info.ctimeMs}` : '-';
}

/** `stat` of a path, or undefined when nothing is there; other errors are thrown. */
function statOrAbsent(file: string): Stats | undefined {
	try {
		return statSync(file, { throwIfNoEntry: false });
	} catch (error) {
		if (isMissingFileError(error)) {
			return undefined;
		}
		throw error;
	}
}

/**
 * Runs `task` with synchronous I/O, as `runIoTaskBlocking` does, and records what it read.
 * A folder is stat'ed before it is listed, so an entry added meanwhile shows as a changed
 * folder next time; a file's stat is the fstat of the descriptor the bytes came from. A task
 * that waits (a torn file's retry), calls async-only code (the journal), or
 * meets an error other than absence gets no stamp: stats alone cannot vouch for it.
 */
export function runIoTaskRecorded<T>(task: IoTask<T>): RecordedRead<T> | Promise<RecordedRead<T>> {
	const paths: string[] = [];
	const lines: string[] = [];
	let newestMs = 0;
	let vouched = true;
	const note = (file: string, info: StatFields | undefined): void => {
		paths.push(file);
		lines.push(statLine(info));
		newestMs = Math.max(newestMs, info?.mtimeMs ?? 0, info?.ctimeMs ?? 0);
	};
	const perform: BlockingPerformer = (request: IoRequest) => {
		switch (request.kind) {
			case 'list':
				try {
					note(request.dir, statOrAbsent(request.dir));
					return readdirSync(request.dir);
				} catch (error) {
					vouched &&= isMissingFileError(error);
					throw error;
				}
			case 'window':
				try {
					const window = performBlocking(request) as FileWindow;
					note(request.file, window);
					return window;
				} catch (error) {
					if (isMissingFileError(error)) {
						note(request.file, undefined);
					} else {
						vouched = false;
					}
					throw error;
				}
			case 'all':
				return allBlocking(request.tasks, perform);
			default:
				vouched = false;
				return performBlocking(request);
		}
	};
	const finish = (value: T): RecordedRead<T> => ({ value, stamp: vouched ? { paths, text: lines.join('\n'), newestMs } : undefined });
	try {
		const value = runIoTaskBlocking(task, perform);
		return value instanceof Promise ? value.then(finish) : finish(value);
	} catch (error) {
		vouched = false;
		throw error;
	}
}

/** True when every path of `stamp` still stats as it did: the recorded read would read the same. */
export function stampStillHolds(stamp: Pick<ReadStamp, 'paths' | 'text'>): boolean {
	try {
		let text = '';
		for (let index = 0; index < stamp.paths.length; index++) {
			text += (index === 0 ? '' : '\n') + statLine(statOrAbsent(stamp.paths[index]!));
		}
		return text === stamp.text;
	} catch {
		return false;
	}
}
