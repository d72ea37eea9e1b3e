import { append } from '../dom';
import { post } from '../state';

const urlPattern = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

/**
 * Text with its http(s) URLs as links. Each link is an element built with textContent; a click
 * asks the extension to open it, which checks the scheme again before `env.openExternal`.
 */
export function linkifiedText(text: string): DocumentFragment {
	const fragment = document.createDocumentFragment();
	let last = 0;
	for (const match of text.matchAll(urlPattern)) {
		append(fragment, text.slice(last, match.index));
		const link = document.createElement('a');
		link.textContent = match[0];
		link.href = '#';
		link.title = `Open ${match[0]}`;
		const url = match[0];
		link.addEventListener('click', (event) => {
			event.preventDefault();
			post({ type: 'openExternal', url });
		});
		fragment.appendChild(link);
		last = (match.index ?? 0) + match[0].length;
	}
	append(fragment, text.slice(last));
	return fragment;
}
