import type { RunSummary } from '../runs/runModel';
import { formatDuration, truncate } from './formatValues';
import { epochText, failureReason, headlineText } from './runText';
import { runDurationMs } from './runTimes';

/** A notification that a run ended. */
export interface CompletionNotice {
	readonly kind: 'completed' | 'failed' | 'aborted';
	/** One line, e.g. `unet_baseline completed · val_iou 0.66 · 3m 05s`. */
	readonly message: string;
}

/** Characters of a failure reason quoted in a notification. */
export const noticeReasonLength = 160;

type EndState = CompletionNotice['kind'];
const endStates = new Set<string>(['completed', 'failed', 'aborted']);

/**
 * The status that decides whether a run ended: the recorded one from a tracker file, else the
 * inferred one (the info file's status is wrong for most tracker-less runs).
 */
function endingStatus(run: RunSummary): string {
	return run.statusSource === 'tracker' ? run.status : run.inferredStatus;
}

/**
 * The notification to show when a run ends between two reads of it: its status (recorded in a
 * tracker file, else inferred) moved from a non-terminal one to completed, failed or aborted.
 * Undefined otherwise, and when the end is the user's own mark still pending in the run's
 * journal (the user does not need to be told what they just did). The message names the
 * run and adds, when known: for completed runs the headline metric; for failed runs the
 * reason (the text after the last `\nError: ` in the description, on one line, cut to
 * {@link noticeReasonLength}); for failed and aborted runs the epoch reached when short of the
 * total; and the run's duration.
 */
export function completionNotice(previous: RunSummary, next: RunSummary): CompletionNotice | undefined {
	const before = endingStatus(previous);
	const after = endingStatus(next);
	if (endStates.has(before) || !endStates.has(after)) {
		return undefined;
	}
	const kind = after as EndState;
	if (next.pendingEdits.some((edit) => edit.op === 'mark' && edit.status === kind)) {
		return undefined;
	}
	const name = next.name || next.id;
	const reason = kind === 'failed' ? failureReason(next.description) : undefined;
	const parts = [reason ? `${name} failed: ${truncate(reason.replace(/\s+/g, ' '), noticeReasonLength)}` : `${name} ${kind}`];
	const headline = headlineText(next);
	if (kind === 'completed' && headline !== '—') {
		parts.push(headline);
	}
	const stoppedEarly = next.currentEpoch !== undefined && (next.totalEpochs === undefined || next.currentEpoch < next.totalEpochs);
	if (kind !== 'completed' && stoppedEarly) {
		parts.push(`epoch ${epochText(next)}`);
	}
	const duration = runDurationMs(next);
	if (duration !== undefined) {
		parts.push(formatDuration(duration));
	}
	return { kind, message: parts.join(' · ') };
}
