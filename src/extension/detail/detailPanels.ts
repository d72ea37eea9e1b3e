import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { DetailPanel, detailViewType, type DetailPanelDeps, type DetailPanelState } from './detailPanel';

/**
 * One detail panel per run: shown again if already open, restored after a window reload by
 * the serializer (activation event `onWebviewPanel:experimentTracker.experimentDetail`).
 */
export class DetailPanels extends Disposable implements vscode.WebviewPanelSerializer<DetailPanelState> {
	private readonly panels = new Map<string, DetailPanel>();

	constructor(private readonly deps: DetailPanelDeps) {
		super();
		this._register(vscode.window.registerWebviewPanelSerializer(detailViewType, this));
	}

	/** Opens (or reveals) the panel of the run in `dir`. */
	show(dir: string, column: vscode.ViewColumn = vscode.ViewColumn.Active): DetailPanel {
		const existing = this.panels.get(dir);
		if (existing) {
			existing.panel.reveal(column);
			return existing;
		}
		const panel = vscode.window.createWebviewPanel(detailViewType, this.deps.service.get(dir)?.name ?? 'Experiment', column, { enableFindWidget: true });
		return this.track(new DetailPanel(panel, dir, this.deps));
	}

	async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: DetailPanelState | undefined): Promise<void> {
		if (!state || typeof state.dir !== 'string') {
			panel.dispose();
			return;
		}
		await this.deps.service.ready;
		this.panels.get(state.dir)?.dispose();
		this.track(new DetailPanel(panel, state.dir, this.deps));
	}

	/** The run of the active detail panel, if one is active (its editor-title actions act on it). */
	activeRunDir(): string | undefined {
		return [...this.panels.values()].find((entry) => entry.panel.active)?.runDir;
	}

	/** The open panel of a run; for tests. */
	get(dir: string): DetailPanel | undefined {
		return this.panels.get(dir);
	}

	private track(detail: DetailPanel): DetailPanel {
		this.panels.set(detail.runDir, detail);
		detail.onDidDispose(() => {
			if (this.panels.get(detail.runDir) === detail) {
				this.panels.delete(detail.runDir);
			}
		});
		return detail;
	}

	override dispose(): void {
		for (const panel of this.panels.values()) {
			panel.dispose();
		}
		this.panels.clear();
		super.dispose();
	}
}
