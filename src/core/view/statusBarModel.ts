import { etaMs, progressPercent } from '../progress/progress';
import type { RunSummary } from '../runs/runModel';
import { formatAge, formatDuration, formatDurationShort, truncate } from './formatValues';
import { epochText, headlineText } from './runText';
import { isLiveRun } from './visualState';

/** What the one status-bar item shows; the extension only maps it to a `StatusBarItem`. */
export type StatusBarModel =
	| { readonly visible: false }
	| {
		readonly visible: true;
		/** Short text with one codicon, e.g. `$(loading~spin) unet_baseline 4/10 · val_iou 0.613 · ETA 3m`. */
		readonly text: string;
		/**
		 * Tooltip lines, plain text (render each with `appendText`): a title, one line per live
		 * run (`<name>: epoch 4/10 (40%) · val_iou 0.613 · ETA 3m 05s`), then a note on stale runs.
		 */
		readonly tooltip: readonly string[];
		/** A live run went stale: the text starts with `$(warning)` (the item may use the warning background). */
		readonly warning: boolean;
		/** The live runs' folders, in the given order: the click opens the one, or picks among several. */
		readonly runDirs: readonly string[];
	};

/** Codicon of background progress (VS Code's status-bar guideline: the loading icon, spinning). */
export const progressIcon = '$(loading~spin)';
/** Codicon shown instead when a live run is stale. */
export const staleIcon = '$(warning)';
/** Characters of a run name shown in the status bar. */
export const statusBarNameLength = 24;

/**
 * The status bar at `nowMs` (ms since the epoch) for the runs in progress ({@link isLiveRun}):
 * hidden when none; one run → `$(loading~spin) <name> 4/10 · val_iou 0.613 · ETA 3m` (parts
 * left out when unknown); several → `$(loading~spin) 3 running`. A stale run turns the icon into
 * `$(warning)`: alone `$(warning) <name> 4/10 · stale`, among several `$(warning) 1 stale · 2 running`
 * (the counts add up to the live runs). Names are cut to {@link statusBarNameLength} characters.
 */
export function statusBarModel(runs: readonly RunSummary[], nowMs: number): StatusBarModel {
	const live = runs.filter(isLiveRun);
	if (live.length === 0) {
		return { visible: false };
	}
	const staleCount = live.filter((run) => run.stale).length;
	const icon = staleCount > 0 ? staleIcon : progressIcon;
	let text: string;
	if (live.length === 1) {
		const run = live[0]!;
		text = [`${icon} ${truncate(run.name || run.id, statusBarNameLength)}${run.currentEpoch === undefined ? '' : ` ${epochText(run)}`}`, ...runProgressParts(run, nowMs, false)].join(' · ');
	} else {
		const fresh = live.length - staleCount;
		text = staleCount > 0 ? `${icon} ${staleCount} stale${fresh > 0 ? ` · ${fresh} running` : ''}` : `${icon} ${live.length} running`;
	}
	return {
		visible: true,
		text,
		tooltip: [
			live.length === 1 ? '1 run in progress' : `${live.length} runs in progress`,
			...live.map((run) => `${run.name || run.id}: ${tooltipValue(run, nowMs)}`),
			...(staleCount > 0 ? [`${staleCount === 1 ? 'A run is' : `${staleCount} runs are`} stale: no file changed for a while, so the process may have stopped. Mark a stopped run failed or aborted.`] : []),
		],
		warning: staleCount > 0,
		runDirs: live.map((run) => run.dir),
	};
}

/** The headline metric, then the ETA, or `stale` for a stale run (with its last change in the `long` form). */
function runProgressParts(run: RunSummary, nowMs: number, long: boolean): string[] {
	const parts: string[] = [];
	const headline = headlineText(run);
	if (headline !== '—') {
		parts.push(headline);
	}
	if (run.stale) {
		parts.push(long && run.lastActivityMs > 0 ? `stale, last change ${formatAge(run.lastActivityMs, nowMs)}` : 'stale');
		return parts;
	}
	const eta = etaMs(run.epochTimes, run.currentEpoch, run.totalEpochs, run.startedAt);
	if (eta !== undefined) {
		parts.push(`ETA ${long ? formatDuration(eta) : formatDurationShort(eta)}`);
	}
	return parts;
}

function tooltipValue(run: RunSummary, nowMs: number): string {
	const percent = progressPercent(run.currentEpoch, run.totalEpochs);
	const epoch = run.currentEpoch === undefined ? [] : [`epoch ${epochText(run)}${percent === undefined ? '' : ` (${percent.toFixed(0)}%)`}`];
	return [...epoch, ...runProgressParts(run, nowMs, true)].join(' · ') || 'started, no epoch yet';
}
