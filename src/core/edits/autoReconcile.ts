import type { Disposable } from '../events';
import type { RunIndex } from '../index/runIndex';
import type { RunSummary } from '../runs/runModel';
import { reconcileTargetOf } from './editRun';
import { reconcileRun, type ReconcileResult } from './reconcile';

export interface AutoReconcileOptions {
	/** The stale threshold in ms, read at each reconcile (the setting may change). */
	readonly liveWindowMs: () => number;
	/** Told about every reconcile that did something, for the log. */
	readonly onResult?: (run: RunSummary, result: ReconcileResult) => void;
	/** Quiet time before a run's edits are reconciled after it changed (default 300 ms). */
	readonly delayMs?: number;
}

/**
 * Writes pending edits into tracker files by itself as soon as that is safe: whenever a run
 * with journal entries changes (its writer saved, stopped, or went stale), it is reconciled.
 * Only for a trusted workspace: this writes files.
 */
export class AutoReconciler implements Disposable {
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly running = new Set<string>();
	private readonly subscription: Disposable;

	constructor(private readonly index: RunIndex, private readonly options: AutoReconcileOptions) {
		this.subscription = index.onDidChange((event) => {
			if (event.type === 'reset') {
				index.all().filter((run) => run.pendingEdits.length > 0).forEach((run) => this.schedule(run));
			} else if ((event.type === 'added' || event.type === 'changed') && event.run.pendingEdits.length > 0) {
				this.schedule(event.run);
			}
		});
	}

	private schedule(run: RunSummary): void {
		clearTimeout(this.timers.get(run.dir));
		this.timers.set(run.dir, setTimeout(() => void this.reconcile(run.dir), this.options.delayMs ?? 300));
	}

	private async reconcile(dir: string): Promise<void> {
		this.timers.delete(dir);
		const run = this.index.get(dir);
		if (!run || run.pendingEdits.length === 0 || this.running.has(dir)) {
			return;
		}
		this.running.add(dir);
		try {
			const result = await reconcileRun(reconcileTargetOf(run), { liveWindowMs: this.options.liveWindowMs() });
			if (result.state === 'reconciled' && (result.wrote || result.resolved > 0)) {
				this.options.onResult?.(run, result);
				// The watcher reports the write too; re-read now so the view does not wait for it.
				await this.index.refreshRun(run);
			}
		} catch (error) {
			this.options.onResult?.(run, { state: 'blocked', reason: error instanceof Error ? error.message : String(error) });
		} finally {
			this.running.delete(dir);
		}
	}

	dispose(): void {
		this.subscription.dispose();
		for (const timer of this.timers.values()) {
			clearTimeout(timer);
		}
		this.timers.clear();
	}
}
