import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import * as path from 'node:path';

/** Bytes the index reads from the end of a metrics log first (metricsProgress → jsonlTail). */
const tailBytes = 4096;
/** Complete lines of that window the index parses (the last epoch and five epoch times). */
const tailLines = 6;
/** Bytes the index reads from the start of a summary document (documentHead). */
const headBytes = 2048;

/** JSON.parse, with the one fallback Python's files need: bare NaN/Infinity tokens read as null. */
function parseTolerant(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return JSON.parse(text.replace(/-?\bInfinity\b|\bNaN\b/g, 'null'));
	}
}

/** open, fstat, read `length` bytes at `position`, close: what the index does for a tail or a head. */
function readWindow(file: string, fromEnd: boolean, length: number): { text: string; whole: boolean } {
	const fd = openSync(file, 'r');
	try {
		const { size } = fstatSync(fd);
		const start = fromEnd ? Math.max(0, size - length) : 0;
		const buffer = Buffer.allocUnsafe(Math.min(size, length));
		const read = readSync(fd, buffer, 0, buffer.length, start);
		return { text: buffer.toString('utf8', 0, read), whole: read >= size };
	} finally {
		closeSync(fd);
	}
}

/** Parses the last complete lines of a log's tail window, as the index's cold read does. */
function parseTail(file: string): number {
	const { text, whole } = readWindow(file, true, tailBytes);
	const lines = text.split('\n').slice(whole ? 0 : 1).filter((line) => line !== '').slice(-tailLines);
	for (const line of lines) {
		parseTolerant(line);
	}
	return lines.length;
}

/** A summary document's head: parsed when it is the whole file, else the two keys the index needs, by regex. */
function readHead(file: string): unknown {
	const { text, whole } = readWindow(file, false, headBytes);
	return whole ? parseTolerant(text) : [/"experiment_start": "([^"]*)"/.exec(text)?.[1], /"total_epochs": (\d+)/.exec(text)?.[1]];
}

function readMetrics(runDir: string): boolean {
	const folder = path.join(runDir, 'metrics');
	const names = readdirSync(folder);
	const log = names.includes('validation_metrics.jsonl') ? 'validation_metrics.jsonl' : names.includes('metrics.jsonl') ? 'metrics.jsonl' : undefined;
	if (log !== undefined) {
		parseTail(path.join(folder, log));
	}
	if (names.includes('summary.json')) {
		readHead(path.join(folder, 'summary.json'));
	}
	const finished = names.includes('complete_summary.json');
	if (finished) {
		readHead(path.join(folder, 'complete_summary.json'));
	}
	return finished;
}

function readRun(runDir: string): void {
	const names = readdirSync(runDir);
	const hasTracker = names.includes('experiment_tracker.json');
	if (hasTracker) {
		parseTolerant(readFileSync(path.join(runDir, 'experiment_tracker.json'), 'utf8'));
	}
	if (names.includes('experiment_info.json')) {
		parseTolerant(readFileSync(path.join(runDir, 'experiment_info.json'), 'utf8'));
	}
	const finished = names.includes('metrics') ? readMetrics(runDir) : false;
	// The index looks up the configured epochs of a Trainer-only run whose metrics do not say.
	if (!hasTracker && !finished && names.includes('config.json')) {
		parseTolerant(readFileSync(path.join(runDir, 'config.json'), 'utf8'));
	}
}

/**
 * The floor: the plainest synchronous loop over the files the index reads for a cold load of
 * `root` — the listing of the root and of `experiments/`, the registry, then per run folder
 * its listing, tracker and info files (read whole and JSON.parsed), and for runs with metrics
 * the listing of `metrics/`, the 4 KiB tail of the log (its last six complete lines parsed) and the
 * 2 KiB heads of the summaries. It builds nothing and checks nothing. Returns the run count.
 */
export function floorPass(root: string): number {
	readdirSync(root, { withFileTypes: true });
	const experiments = path.join(root, 'experiments');
	const entries = readdirSync(experiments, { withFileTypes: true });
	parseTolerant(readFileSync(path.join(root, 'experiment_registry.json'), 'utf8'));
	let runs = 0;
	for (const entry of entries) {
		if (entry.isDirectory() && entry.name !== 'metrics' && entry.name !== 'configurations') {
			readRun(path.join(experiments, entry.name));
			runs++;
		}
	}
	return runs;
}
