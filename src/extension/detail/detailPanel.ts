import * as vscode from 'vscode';
import { readRunDetails } from '../../core/runs/runDetails';
import { panelModel } from '../../core/view/panelModel';
import type { PanelData } from '../../shared/panelData';
import type { ToWebview } from '../../shared/protocol';
import { Disposable } from '../disposable';
import type { TrackerService } from '../trackerService';
import { detailHtml, detailOptions, createNonce } from './detailHtml';
import { handleWebviewMessage, type MessageOutcome } from './detailMessages';

/** The webview panel type; also the `activeWebviewPanelId` the editor-title actions test. */
export const detailViewType = 'experimentTracker.experimentDetail';

/** State the webview keeps with setState; only the run folder is read back here. */
export interface DetailPanelState {
	readonly dir: string;
}

export interface DetailPanelDeps {
	readonly service: TrackerService;
	readonly log: vscode.LogOutputChannel;
	readonly extensionUri: vscode.Uri;
}

/**
 * One run's detail panel: data goes to the webview only by postMessage, after its `ready`,
 * and again (debounced) whenever the index reports a change of this run, while visible. No
 * retainContextWhenHidden: the webview restores itself from its own state when shown again.
 */
export class DetailPanel extends Disposable {
	private pendingUpdate: NodeJS.Timeout | undefined;
	private stale = false;
	private ready = false;
	private readonly closed = new vscode.EventEmitter<void>();
	readonly onDidDispose = this.closed.event;

	constructor(readonly panel: vscode.WebviewPanel, readonly runDir: string, private readonly deps: DetailPanelDeps) {
		super();
		panel.webview.options = detailOptions(deps.extensionUri, runDir);
		panel.webview.html = detailHtml(panel.webview, deps.extensionUri, createNonce());
		panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'tracker.svg');
		this.updateTitle();
		this._register(panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)));
		this._register(panel.onDidChangeViewState(() => {
			if (panel.visible && this.stale) {
				this.scheduleUpdate(0);
			}
		}));
		this._register(deps.service.onDidChange((event) => {
			if (event.type === 'reset' || ('run' in event && event.run.dir === runDir)) {
				this.scheduleUpdate(150);
			}
		}));
		this._register(panel.onDidDispose(() => this.dispose()));
	}

	/** Handles one message as if the webview had posted it (the host tests post malformed ones). */
	receive(message: unknown): Promise<MessageOutcome> {
		if ((message as { type?: unknown } | null)?.type === 'ready') {
			this.ready = true;
		}
		return handleWebviewMessage(message, { runDir: this.runDir, log: this.deps.log, sendData: () => this.sendData() });
	}

	/** Reads the run and posts everything the panel shows. */
	async sendData(): Promise<void> {
		this.stale = false;
		const run = this.deps.service.get(this.runDir);
		if (!run) {
			await this.post({ type: 'runRemoved' });
			return;
		}
		const details = await readRunDetails(run);
		const data: PanelData = panelModel(details, { nowMs: Date.now(), readOnly: !vscode.workspace.isTrusted });
		const images = data.images.map((image) => ({ ...image, src: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(vscode.Uri.file(this.runDir), image.path)).toString() }));
		this.updateTitle(run.name);
		await this.post({ type: 'setData', data: { ...data, images } });
	}

	/** The data last posted, as the webview got it; for tests. */
	lastData: PanelData | undefined;

	private async post(message: ToWebview): Promise<void> {
		if (this.isDisposed) {
			return;
		}
		if (message.type === 'setData') {
			this.lastData = message.data;
		}
		await this.panel.webview.postMessage(message);
	}

	private scheduleUpdate(delayMs: number): void {
		if (!this.ready || !this.panel.visible) {
			// A hidden webview receives nothing: catch up when it is shown again.
			this.stale = true;
			return;
		}
		clearTimeout(this.pendingUpdate);
		this.pendingUpdate = setTimeout(() => void this.sendData().catch((error: unknown) => this.deps.log.error(`Detail panel update failed: ${String(error)}`)), delayMs);
	}

	private updateTitle(name?: string): void {
		this.panel.title = name ?? this.deps.service.get(this.runDir)?.name ?? 'Experiment';
	}

	override dispose(): void {
		clearTimeout(this.pendingUpdate);
		if (!this.isDisposed) {
			super.dispose();
			this.panel.dispose();
			this.closed.fire();
			this.closed.dispose();
		}
	}
}
