import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DetailPanels } from './detail/detailPanels';
import { setActiveDetailRunProvider } from './pickers';
import { onDidChangeConfig, readConfig } from './config';
import { createLog } from './log';
import { RunEndNotifier } from './notifications';
import { ProgressStatusBar } from './statusBar';
import { TrackerService } from './trackerService';
import { ExperimentsTree } from './tree/experimentsTree';
import { loadTreeState, saveTreeState } from './tree/treeState';

/** What `activate` returns; the host tests reach the extension's parts through it. */
export interface ExperimentTrackerApi {
	readonly service: TrackerService;
	readonly tree: ExperimentsTree;
	readonly statusBar: ProgressStatusBar;
	readonly panels: DetailPanels;
	/** How long `activate` itself took, in ms (discovery runs after it, in the background). */
	readonly activationMs: number;
}

/**
 * Activation does no file I/O of its own and does not wait for discovery: the index loads
 * in the background and the view shows its progress.
 */
export function activate(context: vscode.ExtensionContext): ExperimentTrackerApi {
	const started = performance.now();
	const log = createLog();
	let config = readConfig();
	const service = new TrackerService(config, log);
	const tree = new ExperimentsTree(service, loadTreeState(context.workspaceState, config));
	const statusBar = new ProgressStatusBar(service, config.statusBar);
	const notifier = new RunEndNotifier(service, config.notifyOnFinish);
	const panels = new DetailPanels({ service, log, extensionUri: context.extensionUri });
	setActiveDetailRunProvider(() => panels.activeRunDir());
	const setTreeState = (state: Parameters<ExperimentsTree['setState']>[0]) => {
		tree.setState(state);
		void saveTreeState(context.workspaceState, state);
	};
	context.subscriptions.push(
		log, service, tree, statusBar, notifier, panels,
		...registerCommands({ log, service, tree, panels, config: () => config, setTreeState }),
		onDidChangeConfig((next, event) => {
			config = next;
			statusBar.setEnabled(next.statusBar);
			notifier.setEnabled(next.notifyOnFinish);
			if (event.affectsConfiguration('experimentTracker.roots') || event.affectsConfiguration('experimentTracker.watcher')) {
				service.rebuild(next);
			} else if (event.affectsConfiguration('experimentTracker.staleMinutes')) {
				service.setStaleMinutes(next.staleMinutes);
			}
		}),
		vscode.workspace.onDidGrantWorkspaceTrust(() => {
			service.onTrustGranted();
			tree.redraw();
		}),
	);
	service.rebuild(config);
	void service.ready.then(() => vscode.commands.executeCommand('setContext', 'experimentTracker.loaded', true));
	const activationMs = performance.now() - started;
	log.info(`Experiment Tracker ${context.extension.packageJSON.version as string} activated in ${activationMs.toFixed(1)} ms (${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode: read-only'})`);
	return { service, tree, statusBar, panels, activationMs };
}

export function deactivate(): void {
	// Everything is owned by context.subscriptions, which VS Code disposes.
}
