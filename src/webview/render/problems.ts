import type { PanelData } from '../../shared/panelData';
import { button, el, icon, section } from '../dom';
import { post } from '../state';

const severityIcons = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Problems of the run's files (corrupt file, unknown status, …) with a way to open the file. */
export function renderProblems(data: PanelData): HTMLElement | undefined {
	if (data.problems.length === 0) {
		return undefined;
	}
	const list = el('ul', { class: 'problem-list' });
	for (const problem of data.problems) {
		const item = el('li', { class: `problem severity-${problem.severity}` }, icon(severityIcons[problem.severity]), el('span', {}, problem.message), ' ', el('code', {}, problem.file));
		if (problem.insideRun) {
			item.appendChild(button('Open File', { icon: 'go-to-file', key: `problem:${problem.file}`, onClick: () => post({ type: 'openFile', path: problem.file }) }));
		}
		list.appendChild(item);
	}
	return section('problems', 'Problems', list);
}

/** The edits written into the tracker file from the editor or exptrack, newest first. */
export function renderHistory(data: PanelData): HTMLElement | undefined {
	if (data.history.length === 0) {
		return undefined;
	}
	const list = el('ol', { class: 'history' });
	for (const entry of data.history.slice(0, 50)) {
		list.appendChild(el('li', {}, el('span', { class: 'history-time' }, entry.at), ' ', entry.text, ' ', el('span', { class: 'history-note' }, `(${entry.outcome}, ${entry.by})`)));
	}
	return section('history', 'Edit history', list);
}
