import type { FrameLocator, Locator, Page } from 'playwright-core';
import { pollUntil } from '../shared/poll';
import type { Workbench } from './workbench';

/**
 * What the tests read from a webview's window. The test build has no DOM types, so the
 * functions run in the browser declare the little they touch.
 */
interface WebviewWindow {
	readonly scrollY: number;
	readonly __pwned?: unknown;
	scrollTo(x: number, y: number): void;
	getComputedStyle(element: unknown): { readonly color: string };
}

interface PanelElement {
	readonly ownerDocument: { readonly defaultView: WebviewWindow };
}

interface BodyElement extends PanelElement {
	readonly className: string;
	getAttribute(name: string): string | null;
}

interface TextElement {
	readonly textContent: string | null;
	readonly nextElementSibling: { readonly textContent: string | null } | null;
}

/** The shown webview's outer iframes (VS Code's host page); hidden webviews keep theirs. */
function visibleHosts(page: Page): Locator {
	return page.locator('iframe.webview.ready').filter({ visible: true });
}

/** VS Code's host page of the webview on screen (it holds the extension's document in an iframe). */
export function visibleWebviewHost(page: Page): FrameLocator {
	return visibleHosts(page).contentFrame();
}

/**
 * The document of the webview on screen: VS Code's host iframe, then the `active-frame`
 * iframe inside it that holds the extension's HTML.
 */
export function visibleWebview(page: Page): FrameLocator {
	return visibleWebviewHost(page).locator('iframe#active-frame').contentFrame();
}

/**
 * Clicks the run `runName` in the Experiments view (which must be open) and returns its
 * detail panel's document once the panel shows the run's name.
 */
export async function openDetailPanel(workbench: Workbench, runName: string): Promise<FrameLocator> {
	await workbench.treeRows(runName).first().click();
	await workbench.page.locator('.tabs-container .tab.active', { hasText: runName }).waitFor({ timeout: 30_000 });
	// The panel replaced before it (same editor group) hides its iframe a moment later.
	await pollUntil(() => visibleHosts(workbench.page).count(), (count) => count === 1, 'one webview on screen');
	const panel = visibleWebview(workbench.page);
	await panel.locator('h1.run-name').getByText(runName, { exact: true }).waitFor({ timeout: 30_000 });
	return panel;
}

/** The label → value rows of a `<dl>` of the panel (its `dt`/`dd` pairs). */
export async function definitionList(list: Locator): Promise<Record<string, string>> {
	const pairs = await list.locator('dt').evaluateAll((terms: TextElement[]) => terms.map((term) => [term.textContent ?? '', term.nextElementSibling?.textContent ?? '']));
	return Object.fromEntries(pairs);
}

/** The webview's vertical scroll position, in CSS pixels. */
export function scrollPosition(panel: FrameLocator): Promise<number> {
	return panel.locator('body').evaluate((body: BodyElement) => body.ownerDocument.defaultView.scrollY);
}

/** Scrolls the webview to `y` and returns where it ended up (the page may be shorter). */
export function scrollPanelTo(panel: FrameLocator, y: number): Promise<number> {
	return panel.locator('body').evaluate((body: BodyElement, top: number) => {
		const view = body.ownerDocument.defaultView;
		view.scrollTo(0, top);
		return view.scrollY;
	}, y);
}

/** `window.__pwned` of a frame's document: set only if an injected script ran there. */
export function pwnedMarker(panel: FrameLocator): Promise<unknown> {
	return panel.locator('body').evaluate((body: BodyElement) => body.ownerDocument.defaultView.__pwned);
}

/** How VS Code themes the webview: its body's theme class and name, and the computed text colour. */
export interface WebviewTheme {
	/** `vscode-light`, `vscode-dark`, `vscode-high-contrast` or `vscode-high-contrast-light`. */
	readonly kind: string;
	readonly name: string;
	/** `getComputedStyle(document.body).color`, e.g. `rgb(59, 59, 59)`. */
	readonly color: string;
}

/** The theme the webview's body carries now. */
export function webviewTheme(panel: FrameLocator): Promise<WebviewTheme> {
	return panel.locator('body').evaluate((body: BodyElement) => ({
		kind: body.className,
		name: body.getAttribute('data-vscode-theme-name') ?? '',
		color: body.ownerDocument.defaultView.getComputedStyle(body).color,
	}));
}

/** The computed text colour of an element of the panel. */
export function textColor(element: Locator): Promise<string> {
	return element.evaluate((node: PanelElement) => node.ownerDocument.defaultView.getComputedStyle(node).color);
}
