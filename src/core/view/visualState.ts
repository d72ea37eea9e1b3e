import * as path from 'node:path';
import { trackerFileName } from '../edits/reconcile';
import type { Problem } from '../problems';
import type { RunSummary } from '../runs/runModel';

/** What the tree's icon and colour, the status groups and the status bar show for a run. */
export type RunVisualState = 'running' | 'stale' | 'completed' | 'failed' | 'aborted' | 'created' | 'problem' | 'unknown';

/** Short human names of the states, for accessibility text and group labels. */
export const visualStateLabels: Readonly<Record<RunVisualState, string>> = {
	running: 'Running',
	stale: 'Stale',
	completed: 'Completed',
	failed: 'Failed',
	aborted: 'Aborted',
	created: 'Created',
	problem: 'Problems',
	unknown: 'Other',
};

const fileLevelKinds = new Set<Problem['kind']>(['corrupt', 'unreadable', 'encoding', 'tooLarge']);
const recordedStates = new Set<string>(['running', 'completed', 'failed', 'aborted', 'created']);

/**
 * True when an error stopped the run's tracker file (or the run folder itself) from being
 * read at all, so nothing the run shows comes from it: the file is corrupt, unreadable, not
 * UTF-8 or too large, or its top level is not a JSON object (an `invalidField` problem whose
 * message is decodeTracker's "The file holds …"). Not counted: a field of the wrong type, a
 * missing id or name, an unknown key, a BOM (the file is still read), problems of the info
 * file or the metrics files (the run still shows what they hold), warnings and notes.
 */
export function isUnreadableTrackerProblem(run: Pick<RunSummary, 'dir'>, entry: Problem): boolean {
	if (entry.severity !== 'error') {
		return false;
	}
	const isTrackerFile = path.basename(entry.file) === trackerFileName && path.dirname(entry.file) === run.dir;
	if (entry.file === run.dir) {
		return entry.kind === 'unreadable';
	}
	if (!isTrackerFile) {
		return false;
	}
	return fileLevelKinds.has(entry.kind) || (entry.kind === 'invalidField' && entry.message.startsWith('The file holds '));
}

/**
 * The state the UI shows for a run, in this order:
 * 1. `problem` when its tracker file could not be read ({@link isUnreadableTrackerProblem});
 * 2. `stale` when it is recorded running (or created) but no file changed for the stale threshold;
 * 3. the recorded status when it comes from a tracker file, whose writer keeps it current
 *    (`unknown` for a string CrackSeg never writes);
 * 4. otherwise the inferred status: without a tracker file the info file's status is wrong
 *    for most real runs (`created` during a whole Trainer run, `completed` after a crash).
 */
export function runVisualState(run: RunSummary): RunVisualState {
	if (run.problems.some((entry) => isUnreadableTrackerProblem(run, entry))) {
		return 'problem';
	}
	if (run.stale || (run.inferredStatus === 'stale' && (run.status === 'running' || run.status === 'created'))) {
		return 'stale';
	}
	if (run.statusSource === 'tracker') {
		return recordedStates.has(run.status) ? (run.status as RunVisualState) : 'unknown';
	}
	return run.inferredStatus;
}

/**
 * True for a run in progress, as the status bar counts them: recorded `running` in a tracker
 * file (stale ones included: a crashed run stays running until someone marks it), or, without
 * a tracker file, inferred `running` (the info file's status is not trusted; a tracker-less
 * run whose metrics stopped is inferred `stale` and not counted, since nothing can end it).
 */
export function isLiveRun(run: RunSummary): boolean {
	return run.statusSource === 'tracker' ? run.status === 'running' : run.inferredStatus === 'running';
}
