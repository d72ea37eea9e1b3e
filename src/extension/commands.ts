import * as vscode from 'vscode';
import type { TrackerConfig } from './config';
import { CommandId } from './commandIds';
import type { DetailPanels } from './detail/detailPanels';
import type { ExperimentsTree } from './tree/experimentsTree';
import type { TreeViewState } from './tree/treeState';
import type { TrackerService } from './trackerService';
import { addTags } from './commands/addTags';
import { clearFilter } from './commands/clearFilter';
import { compareConfigs } from './commands/compareConfigs';
import { copyExperimentId } from './commands/copyExperimentId';
import { createExperiment } from './commands/createExperiment';
import { editDescription } from './commands/editDescription';
import { exportCsv } from './commands/exportCsv';
import { exportMarkdown } from './commands/exportMarkdown';
import { filter } from './commands/filter';
import { groupBy } from './commands/groupBy';
import { markAborted } from './commands/markAborted';
import { markCompleted } from './commands/markCompleted';
import { markFailed } from './commands/markFailed';
import { openDetails } from './commands/openDetails';
import { openInTerminal } from './commands/openInTerminal';
import { refresh } from './commands/refresh';
import { removeTags } from './commands/removeTags';
import { revealInExplorer } from './commands/revealInExplorer';
import { revealInTree } from './commands/revealInTree';
import { showLog } from './commands/showLog';
import { showRunningExperiments } from './commands/showRunningExperiments';
import { sortBy } from './commands/sortBy';
import { verifyReproducibility } from './commands/verifyReproducibility';

export { CommandId };

/** What command handlers may use. */
export interface CommandDeps {
	readonly log: vscode.LogOutputChannel;
	readonly service: TrackerService;
	readonly tree: ExperimentsTree;
	readonly panels: DetailPanels;
	/** The current settings. */
	config(): TrackerConfig;
	/** Changes the tree's grouping, sorting or filter and remembers it for the workspace. */
	setTreeState(state: TreeViewState): void;
}

type Handler = (...args: never[]) => unknown;

/** One factory per command id: each command lives in its own file under commands/. */
const factories: Record<CommandId, (deps: CommandDeps) => Handler> = {
	[CommandId.AddTags]: addTags,
	[CommandId.ClearFilter]: clearFilter,
	[CommandId.CompareConfigs]: compareConfigs,
	[CommandId.CopyExperimentId]: copyExperimentId,
	[CommandId.CreateExperiment]: createExperiment,
	[CommandId.EditDescription]: editDescription,
	[CommandId.ExportCsv]: exportCsv,
	[CommandId.ExportMarkdown]: exportMarkdown,
	[CommandId.Filter]: filter,
	[CommandId.GroupBy]: groupBy,
	[CommandId.MarkAborted]: markAborted,
	[CommandId.MarkCompleted]: markCompleted,
	[CommandId.MarkFailed]: markFailed,
	[CommandId.OpenDetails]: openDetails,
	[CommandId.OpenInTerminal]: openInTerminal,
	[CommandId.Refresh]: refresh,
	[CommandId.RemoveTags]: removeTags,
	[CommandId.RevealInExplorer]: revealInExplorer,
	[CommandId.RevealInTree]: revealInTree,
	[CommandId.ShowLog]: showLog,
	[CommandId.ShowRunningExperiments]: showRunningExperiments,
	[CommandId.SortBy]: sortBy,
	[CommandId.VerifyReproducibility]: verifyReproducibility,
};

/**
 * The single registration point for commands. Each handler is wrapped once so that a
 * failure is logged and shown to the user instead of disappearing into the host's log.
 */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
	return (Object.keys(factories) as CommandId[]).map((id) => {
		const handler = factories[id](deps) as (...args: unknown[]) => unknown;
		return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
			try {
				return await handler(...args);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				deps.log.error(`${id} failed: ${error instanceof Error ? error.stack ?? message : message}`);
				void vscode.window.showErrorMessage(`Experiment Tracker: ${message}`);
				return undefined;
			}
		});
	});
}
