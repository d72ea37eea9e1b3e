import { parsePythonIso } from '../tracker/timestamps';
import type { RunSummary } from '../runs/runModel';

/**
 * The time a run last did something, in ms since the epoch: its completion time, else the
 * newest change among its files, else its creation time; undefined when none is known.
 */
export function runActivityMs(run: RunSummary): number | undefined {
	const completed = run.completedAt ? parsePythonIso(run.completedAt) : undefined;
	if (completed !== undefined) {
		return completed;
	}
	if (run.lastActivityMs > 0) {
		return run.lastActivityMs;
	}
	return run.createdAt ? parsePythonIso(run.createdAt) : undefined;
}

/**
 * How long a finished run took, in ms: its recorded training time, else from its start to
 * its completion time (else to its files' last change, for tracker-less runs that record no
 * completion); undefined when unknown.
 */
export function runDurationMs(run: RunSummary): number | undefined {
	if (run.trainingTimeSeconds !== undefined && Number.isFinite(run.trainingTimeSeconds)) {
		return run.trainingTimeSeconds * 1000;
	}
	const start = run.startedAt ? parsePythonIso(run.startedAt) : undefined;
	const end = (run.completedAt ? parsePythonIso(run.completedAt) : undefined) ?? (run.lastActivityMs > 0 ? run.lastActivityMs : undefined);
	return start === undefined || end === undefined || end < start ? undefined : end - start;
}
