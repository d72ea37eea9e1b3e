import type { RunSummary } from '../runs/runModel';
import { formatAge } from './formatValues';
import { headlineText } from './runText';
import { runActivityMs } from './runTimes';
import { runVisualState } from './visualState';

/**
 * The tree item's description, short: while the run is running or stale, its progress
 * (`epoch 4/10 · val_iou 0.613`, each part only when known); otherwise its headline metric
 * and age (`val_iou 0.613 · 2 h ago`). `· edits pending` is added while user edits wait for
 * the run's writer to stop. The headline metric is the best metrics' headline, else the
 * latest epoch's. Empty when nothing is known.
 */
export function runDescription(run: RunSummary, nowMs: number): string {
	const state = runVisualState(run);
	const headline = headlineText(run);
	const parts: string[] = [];
	if (state === 'running' || state === 'stale') {
		if (run.currentEpoch !== undefined) {
			parts.push(run.totalEpochs ? `epoch ${run.currentEpoch}/${run.totalEpochs}` : `epoch ${run.currentEpoch}`);
		}
		if (headline !== '—') {
			parts.push(headline);
		}
	} else {
		if (headline !== '—') {
			parts.push(headline);
		}
		const activity = runActivityMs(run);
		if (activity !== undefined) {
			parts.push(formatAge(activity, nowMs));
		}
	}
	if (!run.editsInFile) {
		parts.push('edits pending');
	}
	return parts.join(' · ');
}
