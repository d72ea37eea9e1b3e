import * as vscode from 'vscode';
import { editRun } from '../core/edits/editRun';
import { describeEdit, type EditOp } from '../core/edits/editOps';
import type { RunSummary } from '../core/runs/runModel';
import type { TrackerService } from './trackerService';
import { requireTrust } from './trust';

/** Runs the user marked here in the last minute: their end needs no notification. */
const recentMarks = new Map<string, number>();

/** True when the user marked this run from the editor moments ago. */
export function markedByUserRecently(dir: string, nowMs = Date.now()): boolean {
	const at = recentMarks.get(dir);
	return at !== undefined && nowMs - at < 60_000;
}

/** True while a run's training process is probably still writing it (running and not stale). */
export function writerLooksActive(run: RunSummary): boolean {
	return (run.status === 'running' && !run.stale) || run.inferredStatus === 'running';
}

/**
 * Applies a user edit through the core (journal first, then the tracker file when safe) and
 * tells the user where it went. Returns false when nothing was recorded (Restricted Mode, or
 * an error already shown).
 */
export async function applyUserEdit(service: TrackerService, log: vscode.LogOutputChannel, run: RunSummary, op: EditOp): Promise<boolean> {
	if (!(await requireTrust(capitalize(describeEdit(op))))) {
		return false;
	}
	if (op.op === 'mark') {
		recentMarks.set(run.dir, Date.now());
	}
	const result = await editRun(run, op, { by: 'vscode', liveWindowMs: service.staleMinutes * 60_000 });
	log.info(`${run.id}: ${describeEdit(op)} → ${result.state}`);
	switch (result.state) {
		case 'deferred':
		case 'conflict':
			void vscode.window.showInformationMessage(`Saved for ${run.name}. Its training process is still writing experiment_tracker.json, so the change is kept in the run's journal and written into the file when the process stops.`);
			break;
		case 'blocked':
			void vscode.window.showWarningMessage(`Saved for ${run.name} in the run's journal, but experiment_tracker.json cannot be updated: ${result.reason}`);
			break;
		case 'reconciled':
			if (result.blocked.length > 0) {
				void vscode.window.showWarningMessage(`${run.name}: ${result.blocked.join('; ')}. The file is left as it is (CrackSeg's loader rejects added keys).`);
			}
			break;
		case 'clean':
			break;
	}
	await service.refreshRun(run);
	return true;
}

/** Marking a run whose writer is live: confirm first, since the writer may overwrite it. */
export async function confirmMarkLiveRun(run: RunSummary, status: string): Promise<boolean> {
	if (!writerLooksActive(run)) {
		return true;
	}
	const mark = `Mark as ${capitalize(status)}`;
	const choice = await vscode.window.showWarningMessage(
		`${run.name} is still being written by its training process.`,
		{ modal: true, detail: `Its files changed less than ${run.stale ? 'a while' : 'a few minutes'} ago. The mark is kept in the run's journal and written into experiment_tracker.json once the process stops; if the process finishes the run itself afterwards, its own status wins.` },
		mark,
	);
	return choice === mark;
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
