import type { RunSummary } from '../runs/runModel';
import { inferStatus, type InferredStatus } from './inferStatus';
import { isStale } from './progress';

/**
 * The parts of a run's summary that change with the clock alone (a run goes stale when
 * nothing happens): recomputed without any I/O.
 */
export function timeDependentFields(run: RunSummary, nowMs: number, staleMinutes: number): { stale: boolean; inferredStatus: InferredStatus } {
	return {
		stale: isStale(run.status, run.lastActivityMs, nowMs, staleMinutes),
		inferredStatus: inferStatus({
			recorded: run.status,
			fromTracker: run.statusSource === 'tracker',
			currentEpoch: run.currentEpoch,
			totalEpochs: run.totalEpochs,
			finished: run.metricsFinished,
			lastActivityMs: run.lastActivityMs,
			nowMs,
			staleMinutes,
		}),
	};
}
