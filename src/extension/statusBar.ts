import * as vscode from 'vscode';
import { statusBarModel } from '../core/view/statusBarModel';
import { CommandId } from './commandIds';
import { Disposable } from './disposable';
import type { TrackerService } from './trackerService';

/** How often the item may redraw: file events can arrive many times a second. */
const throttleMs = 500;

/**
 * One status-bar item for the training runs of the workspace: hidden when nothing runs,
 * the run's progress when one runs, a count when several do (a click lists them), the
 * warning background when one of them has gone stale. The core decides the text.
 */
export class ProgressStatusBar extends Disposable {
	private readonly item = this._register(vscode.window.createStatusBarItem('experimentTracker.progress', vscode.StatusBarAlignment.Left, 50));
	private timer: NodeJS.Timeout | undefined;
	private lastUpdate = 0;
	private enabled: boolean;
	/** Run folders behind the current text (for the click). */
	runDirs: readonly string[] = [];

	constructor(private readonly service: TrackerService, enabled: boolean) {
		super();
		this.enabled = enabled;
		this.item.name = 'Experiment Progress';
		this._register(service.onDidChange(() => this.schedule()));
		// Elapsed time, ETA and staleness move with the clock, not only with file events.
		const tick = setInterval(() => this.schedule(), 15_000);
		this._register(new vscode.Disposable(() => {
			clearInterval(tick);
			clearTimeout(this.timer);
		}));
		this.update();
	}

	setEnabled(enabled: boolean): void {
		this.enabled = enabled;
		this.update();
	}

	/** The text the item shows now ('' when hidden); for tests. */
	get text(): string {
		return this.isVisible ? this.item.text : '';
	}

	private isVisible = false;

	private schedule(): void {
		if (this.timer) {
			return;
		}
		const wait = Math.max(0, this.lastUpdate + throttleMs - Date.now());
		this.timer = setTimeout(() => {
			this.timer = undefined;
			this.update();
		}, wait);
	}

	private update(): void {
		this.lastUpdate = Date.now();
		const model = statusBarModel(this.service.runs(), Date.now());
		if (!this.enabled || !model.visible) {
			this.isVisible = false;
			this.runDirs = [];
			this.item.hide();
			return;
		}
		this.runDirs = model.runDirs;
		this.item.text = model.text;
		const tooltip = new vscode.MarkdownString();
		for (const line of model.tooltip) {
			tooltip.appendText(line).appendMarkdown('  \n');
		}
		this.item.tooltip = tooltip;
		this.item.backgroundColor = model.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
		this.item.command = { command: CommandId.ShowRunningExperiments, title: 'Show Running Experiments', arguments: [] };
		this.item.accessibilityInformation = { label: model.tooltip.join('. ') };
		this.isVisible = true;
		this.item.show();
	}
}
