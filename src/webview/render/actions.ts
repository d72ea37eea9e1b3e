import type { PanelCommand } from '../../shared/protocol';
import type { PanelData } from '../../shared/panelData';
import { button, el } from '../dom';
import { post } from '../state';

const writing: ReadonlyArray<[PanelCommand, string, string]> = [
	['markCompleted', 'Mark as Completed', 'pass'],
	['markFailed', 'Mark as Failed', 'error'],
	['markAborted', 'Mark as Aborted', 'circle-slash'],
	['verifyReproducibility', 'Verify Reproducibility', 'verified'],
];
const reading: ReadonlyArray<[PanelCommand, string, string]> = [
	['compareConfigs', 'Compare Configs…', 'diff'],
	['exportMarkdown', 'Export as Markdown', 'markdown'],
	['copyExperimentId', 'Copy ID', 'copy'],
	['revealInExplorer', 'Reveal in Explorer', 'folder-opened'],
	['openInTerminal', 'Open in Terminal', 'terminal'],
];

/** The run's actions: the same commands as the tree's context menu (writing ones only when trusted). */
export function renderActions(data: PanelData): HTMLElement {
	const open = !['completed', 'failed', 'aborted'].includes(data.run.status);
	const commands = [...(data.readOnly ? [] : writing.filter(([command]) => open || !command.startsWith('mark'))), ...reading];
	return el('nav', { class: 'actions toolbar', 'aria-label': 'Run actions' },
		...commands.map(([command, label, codicon]) => button(label, { icon: codicon, key: `action:${command}`, onClick: () => post({ type: 'runCommand', command }) })));
}
