import * as vscode from 'vscode';
import type { RunGrouping } from './tree/treeState';
import type { RunSortKey } from '../core/index/runQuery';

/** The extension's settings (`contributes.configuration`), read in one place. */
export interface TrackerConfig {
	/** Folders that hold runs: relative to each workspace folder, or absolute. */
	readonly roots: readonly string[];
	readonly staleMinutes: number;
	readonly notifyOnFinish: boolean;
	readonly statusBar: boolean;
	readonly polling: boolean;
	readonly pollIntervalSeconds: number;
	readonly groupBy: RunGrouping;
	readonly sortBy: RunSortKey;
}

export const configSection = 'experimentTracker';

export function readConfig(): TrackerConfig {
	const config = vscode.workspace.getConfiguration(configSection);
	const roots = config.get<string[]>('roots', ['artifacts', 'outputs']).filter((root) => typeof root === 'string' && root.trim() !== '');
	return {
		roots: roots.length > 0 ? roots : ['artifacts', 'outputs'],
		staleMinutes: Math.max(1, config.get<number>('staleMinutes', 10)),
		notifyOnFinish: config.get<boolean>('notifications.enabled', true),
		statusBar: config.get<boolean>('statusBar.enabled', true),
		polling: config.get<boolean>('watcher.polling', false),
		pollIntervalSeconds: Math.max(1, config.get<number>('watcher.pollIntervalSeconds', 2)),
		groupBy: config.get<RunGrouping>('tree.groupBy', 'status'),
		sortBy: config.get<RunSortKey>('tree.sortBy', 'newest'),
	};
}

/** Fires with the new config when any of the extension's settings changes. */
export function onDidChangeConfig(listener: (config: TrackerConfig, event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
	return vscode.workspace.onDidChangeConfiguration((event) => {
		if (event.affectsConfiguration(configSection)) {
			listener(readConfig(), event);
		}
	});
}
