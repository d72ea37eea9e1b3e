/** A status read from the run's files rather than recorded by its writer. */
export type InferredStatus = 'created' | 'running' | 'stale' | 'completed' | 'failed' | 'aborted' | 'unknown';

export interface StatusEvidence {
	/** What the tracker file (with pending edits) or else the info file says. */
	readonly recorded: string;
	/** Whether `recorded` comes from a tracker file, which its writer keeps up to date. */
	readonly fromTracker: boolean;
	readonly currentEpoch?: number;
	readonly totalEpochs?: number;
	/** An end-of-training summary exists (complete_summary.json). */
	readonly finished: boolean;
	/** Newest change among the run's files, ms since the epoch (0 when unknown). */
	readonly lastActivityMs: number;
	readonly nowMs: number;
	readonly staleMinutes: number;
}

const terminal = new Set(['completed', 'failed', 'aborted']);

/**
 * Infers a run's status from its files. A tracker file's status is trusted (it is what the
 * writer or the user set) except that `running` turns `stale` when nothing changed for the
 * stale threshold. Without a tracker file the recorded status cannot be trusted
 * (`experiment_info.json` says `created` for a whole Trainer run and `completed` after a crashed
 * main.py run, spec §1.3): then the end-of-training summary means completed, recent changes
 * mean running, epochs that stopped before the end mean stale, and no epochs mean created.
 */
export function inferStatus(evidence: StatusEvidence): InferredStatus {
	const quiet = evidence.lastActivityMs > 0 && evidence.nowMs - evidence.lastActivityMs > evidence.staleMinutes * 60_000;
	if (evidence.fromTracker) {
		if (evidence.recorded === 'running') {
			return quiet ? 'stale' : 'running';
		}
		return evidence.recorded === 'created' || terminal.has(evidence.recorded) ? (evidence.recorded as InferredStatus) : 'unknown';
	}
	if (evidence.finished) {
		return 'completed';
	}
	if (evidence.currentEpoch === undefined || evidence.currentEpoch === 0) {
		return quiet || evidence.lastActivityMs === 0 ? 'created' : 'running';
	}
	if (evidence.totalEpochs !== undefined && evidence.currentEpoch >= evidence.totalEpochs && quiet) {
		return 'completed';
	}
	return quiet ? 'stale' : 'running';
}
