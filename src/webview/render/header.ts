import type { PanelData } from '../../shared/panelData';
import { button, el, icon } from '../dom';
import { loadState, post, saveState } from '../state';
import { linkifiedText } from './linkify';

const stateIcons: Record<string, string> = {
	running: 'sync', stale: 'watch', completed: 'pass', failed: 'error', aborted: 'circle-slash',
	created: 'circle-large-outline', problem: 'warning', unknown: 'question',
};

/** A status badge: icon plus text, coloured by a class the stylesheet maps to theme colours. */
export function statusBadge(state: string, text: string): HTMLElement {
	return el('span', { class: `badge status-${state}`, role: 'status' }, icon(stateIcons[state] ?? 'circle-large-outline', state === 'running' ? 'codicon-modifier-spin' : ''), text);
}

function tagList(data: PanelData): HTMLElement {
	const list = el('ul', { class: 'tags', 'aria-label': 'Tags' });
	for (const tag of data.run.tags) {
		const item = el('li', { class: 'tag' }, tag);
		if (!data.readOnly) {
			const remove = el('button', { type: 'button', class: 'tag-remove', 'aria-label': `Remove tag ${tag}`, title: `Remove tag ${tag}`, 'data-key': `remove-tag:${tag}` }, icon('close'));
			remove.addEventListener('click', () => post({ type: 'removeTag', tag }));
			item.appendChild(remove);
		}
		list.appendChild(item);
	}
	if (!data.readOnly) {
		list.appendChild(el('li', {}, button('Add Tags', { icon: 'tag', key: 'add-tags', onClick: () => post({ type: 'runCommand', command: 'addTags' }) })));
	}
	return list;
}

/**
 * The description, edited in place: a textarea whose draft is kept in the webview state, so a
 * live update or a reload never loses what the user is typing.
 */
function descriptionBlock(data: PanelData, existingEditor: HTMLElement | undefined): HTMLElement {
	if (existingEditor) {
		return existingEditor;
	}
	const draft = loadState().draftDescription;
	if (draft !== undefined && !data.readOnly) {
		return descriptionEditor(draft);
	}
	const text = el('p', { class: data.run.description ? 'description' : 'description empty' });
	text.appendChild(data.run.description ? linkifiedText(data.run.description) : document.createTextNode('No description.'));
	const block = el('div', { class: 'description-block' }, text);
	if (!data.readOnly) {
		block.appendChild(button('Edit Description', { icon: 'edit', key: 'edit-description', onClick: () => {
			saveState({ draftDescription: data.run.description });
			const editor = descriptionEditor(data.run.description);
			block.replaceWith(editor);
			editor.querySelector('textarea')?.focus();
		} }));
	}
	return block;
}

function descriptionEditor(value: string): HTMLElement {
	const textarea = el('textarea', { class: 'description-input', rows: 4, 'aria-label': 'Description', 'data-key': 'description-input' });
	textarea.value = value;
	textarea.addEventListener('input', () => saveState({ draftDescription: textarea.value }));
	const editor = el('div', { class: 'description-editor', id: 'description-editor' }, textarea);
	const save = button('Save', { icon: 'check', primary: true, key: 'save-description', onClick: () => {
		post({ type: 'editDescription', text: textarea.value });
		saveState({ draftDescription: undefined });
		editor.setAttribute('data-saving', 'true');
	} });
	const cancel = button('Cancel', { key: 'cancel-description', onClick: () => {
		saveState({ draftDescription: undefined });
		editor.setAttribute('data-cancelled', 'true');
		post({ type: 'ready' });
	} });
	textarea.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
			save.click();
		} else if (event.key === 'Escape') {
			cancel.click();
		}
	});
	editor.appendChild(el('div', { class: 'actions' }, save, cancel));
	return editor;
}

/** Name, id, status (recorded and inferred), stale badge, tags, description, pending edits. */
export function renderHeader(data: PanelData, existingEditor: HTMLElement | undefined): HTMLElement {
	const { run } = data;
	const statusText = run.status || 'no status recorded';
	const badges = el('div', { class: 'badges' }, statusBadge(run.visualState, statusText));
	if (run.inferredStatus && run.inferredStatus !== run.status && run.inferredStatus !== 'unknown') {
		badges.appendChild(el('span', { class: 'badge inferred', title: 'What the run\'s files suggest; the recorded status is kept as written' }, icon('lightbulb'), `files say: ${run.inferredStatus}`));
	}
	if (run.stale) {
		badges.appendChild(el('span', { class: 'badge status-stale' }, icon('watch'), 'stale: no file changed for a while'));
	}
	const header = el('header', { class: 'run-header' },
		el('h1', { class: 'run-name' }, run.name),
		el('p', { class: 'run-id' }, el('code', {}, run.id)),
		badges,
		tagList(data),
		descriptionBlock(data, existingEditor),
	);
	if (run.pendingEdits.length > 0) {
		header.appendChild(el('p', { class: 'pending', role: 'note' }, icon('history'), `Waiting for the training process to stop before writing: ${run.pendingEdits.join('; ')}`));
	}
	return header;
}
