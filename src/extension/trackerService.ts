import * as path from 'node:path';
import * as vscode from 'vscode';
import { AutoReconciler } from '../core/edits/autoReconcile';
import { describeEdit } from '../core/edits/editOps';
import { RunIndex, type RunIndexEvent } from '../core/index/runIndex';
import type { RootSpec } from '../core/runs/discover';
import type { RunSummary } from '../core/runs/runModel';
import type { TrackerConfig } from './config';
import { Disposable } from './disposable';
import { experimentsViewId } from './tree/treeIds';

/** The roots of every workspace folder: each configured root, relative to the folder unless absolute. */
export function rootsOf(folders: readonly vscode.WorkspaceFolder[], roots: readonly string[]): RootSpec[] {
	const specs: RootSpec[] = [];
	for (const folder of folders.filter((entry) => entry.uri.scheme === 'file')) {
		for (const root of roots) {
			const absolute = path.isAbsolute(root) ? path.normalize(root) : path.join(folder.uri.fsPath, root);
			if (!specs.some((spec) => spec.root === absolute)) {
				specs.push({ root: absolute, workspace: folder.uri.fsPath });
			}
		}
	}
	return specs;
}

/**
 * Owns the core's live run index for the open workspace folders and the configured roots,
 * rebuilding it when either changes. Loading never blocks activation: it runs in the
 * background and the view shows its progress.
 */
export class TrackerService extends Disposable {
	private index: RunIndex | undefined;
	private indexSubscription: { dispose(): void } | undefined;
	private reconciler: AutoReconciler | undefined;
	private loaded: Promise<void> = Promise.resolve();
	private readonly changed = this._register(new vscode.EventEmitter<RunIndexEvent>());
	/** Index events: added / changed / removed / reset / warning. */
	readonly onDidChange = this.changed.event;

	constructor(private config: TrackerConfig, private readonly log: vscode.LogOutputChannel) {
		super();
		this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()));
	}

	/** Resolves when the current index has finished its first load. */
	get ready(): Promise<void> {
		return this.loaded;
	}

	/** (Re)creates the index and loads it in the background. */
	rebuild(config: TrackerConfig = this.config): void {
		this.config = config;
		this.indexSubscription?.dispose();
		this.reconciler?.dispose();
		this.index?.dispose();
		const roots = rootsOf(vscode.workspace.workspaceFolders ?? [], config.roots);
		const index = new RunIndex({ roots, staleMinutes: config.staleMinutes });
		this.index = index;
		this.indexSubscription = index.onDidChange((event) => {
			if (event.type === 'warning') {
				this.log.warn(event.message);
			}
			this.changed.fire(event);
		});
		this.reconciler = vscode.workspace.isTrusted ? this.createReconciler(index) : undefined;
		this.loaded = this.withViewProgress(async () => {
			const started = Date.now();
			await index.load();
			this.log.info(`Indexed ${index.size} runs under ${roots.length} root(s) in ${Date.now() - started} ms`);
			if (this.index === index && roots.length > 0) {
				await index.watch({ polling: config.polling, pollIntervalMs: config.pollIntervalSeconds * 1000 });
				this.log.info(`Watching ${roots.map((root) => root.root).join(', ')}${index.isPolling ? ' (polling)' : ''}`);
			}
		}).catch((error: unknown) => this.log.error(`Indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
	}

	/** Restricted Mode never writes: pending edits are reconciled only once the workspace is trusted. */
	onTrustGranted(): void {
		if (this.index && !this.reconciler) {
			this.reconciler = this.createReconciler(this.index);
		}
	}

	private createReconciler(index: RunIndex): AutoReconciler {
		return new AutoReconciler(index, {
			liveWindowMs: () => this.config.staleMinutes * 60_000,
			onResult: (run, result) => this.log.info(`${run.id}: pending edits ${result.state === 'reconciled' ? `written (${run.pendingEdits.map(describeEdit).join('; ')})` : result.state === 'blocked' ? `not written: ${result.reason}` : result.state}`),
		});
	}

	/** A new stale threshold needs no re-read. */
	setStaleMinutes(minutes: number): void {
		this.config = { ...this.config, staleMinutes: minutes };
		this.index?.setStaleMinutes(minutes);
	}

	runs(): RunSummary[] {
		return this.index?.all() ?? [];
	}

	get(dir: string): RunSummary | undefined {
		return this.index?.get(dir);
	}

	get staleMinutes(): number {
		return this.config.staleMinutes;
	}

	/** Re-reads every run, showing progress in the Experiments view. */
	refresh(): Promise<void> {
		const index = this.index;
		return index ? this.withViewProgress(() => index.refreshAll()) : Promise.resolve();
	}

	/** Re-reads one run now (after an edit), instead of waiting for the watcher. */
	async refreshRun(run: RunSummary): Promise<RunSummary | undefined> {
		await this.index?.refreshRun(run);
		return this.index?.get(run.dir);
	}

	private withViewProgress(task: () => Promise<void>): Promise<void> {
		return Promise.resolve(vscode.window.withProgress({ location: { viewId: experimentsViewId } }, task));
	}

	override dispose(): void {
		this.reconciler?.dispose();
		this.indexSubscription?.dispose();
		this.index?.dispose();
		super.dispose();
	}
}
