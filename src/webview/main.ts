// The detail panel's script. It renders only what the extension posts after `ready`, with
// createElement/textContent (dom.ts); it never turns data into HTML.
import type { PanelData } from '../shared/panelData';
import type { ToWebview } from '../shared/protocol';
import { append, el, icon } from './dom';
import { renderActions } from './render/actions';
import { renderArtifacts } from './render/artifacts';
import { renderCharts } from './render/charts';
import { renderConfig, renderFacts } from './render/fields';
import { renderHeader } from './render/header';
import { renderMetrics } from './render/metrics';
import { renderHistory, renderProblems } from './render/problems';
import { renderProgress } from './render/progress';
import { loadState, post, saveState } from './state';

const app = document.getElementById('app')!;

/** The description editor in use, kept as it is across live updates. */
function editorInProgress(): HTMLElement | undefined {
	const editor = document.getElementById('description-editor');
	return editor && !editor.hasAttribute('data-saving') && !editor.hasAttribute('data-cancelled') ? editor : undefined;
}

/** Replaces the content, keeping the scroll position, the focused control and an edit in progress. */
function render(data: PanelData): void {
	const focusedKey = (document.activeElement as HTMLElement | null)?.getAttribute('data-key');
	const scrollY = window.scrollY;
	const content = document.createDocumentFragment();
	append(content,
		renderHeader(data, editorInProgress()),
		renderActions(data),
		renderProgress(data),
		renderMetrics(data),
		renderCharts(data),
		renderConfig(data),
		renderFacts(data),
		renderArtifacts(data),
		renderProblems(data),
		renderHistory(data));
	app.replaceChildren(content);
	app.setAttribute('aria-busy', 'false');
	window.scrollTo(0, scrollY);
	if (focusedKey) {
		(app.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`) as HTMLElement | null)?.focus();
	}
	saveState({ dir: data.run.dir });
}

function renderRemoved(): void {
	app.replaceChildren(el('p', { class: 'removed', role: 'alert' }, icon('warning'), 'This run\'s folder is gone (deleted or renamed).'));
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
	const message = event.data;
	if (message?.type === 'setData') {
		render(message.data);
	} else if (message?.type === 'runRemoved') {
		renderRemoved();
	}
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
	window.clearTimeout(scrollTimer);
	scrollTimer = window.setTimeout(() => saveState({ scrollY: window.scrollY }), 200);
});

// After a reload the webview starts empty: scroll back to where the user was once data arrives.
const restoredScroll = loadState().scrollY;
if (restoredScroll) {
	window.addEventListener('message', () => window.scrollTo(0, restoredScroll), { once: true });
}
post({ type: 'ready' });
