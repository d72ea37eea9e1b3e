/**
 * The only way this webview builds DOM: elements with text set through `textContent` and
 * attributes through `setAttribute`. Nothing here parses HTML, so text from run files can
 * never become markup or script.
 */
export type Child = Node | string | undefined | false | null;

export interface Attributes {
	readonly [name: string]: string | number | boolean | undefined;
}

/** Creates an element; `class` and other attributes as given; string children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === false) {
			continue;
		}
		element.setAttribute(name, value === true ? '' : String(value));
	}
	append(element, ...children);
	return element;
}

export function append(parent: Node, ...children: Child[]): void {
	for (const child of children) {
		if (child === undefined || child === null || child === false) {
			continue;
		}
		parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
	}
}

/** A codicon (font icon from dist/codicons), hidden from screen readers. */
export function icon(name: string, extraClass = ''): HTMLElement {
	return el('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), 'aria-hidden': 'true' });
}

/** A button with an optional codicon; `key` identifies it across re-renders (focus is kept). */
export function button(label: string, options: { icon?: string; key?: string; title?: string; primary?: boolean; onClick: () => void }): HTMLButtonElement {
	const element = el('button', { type: 'button', class: options.primary ? 'button primary' : 'button', title: options.title ?? label, 'data-key': options.key }, options.icon ? icon(options.icon) : undefined, label);
	element.addEventListener('click', options.onClick);
	return element;
}

/** A section with a heading; hidden from the document when it has no content. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
	const heading = el('h2', { id: `${id}-heading` }, title);
	return el('section', { class: 'section', id, 'aria-labelledby': `${id}-heading` }, heading, ...children);
}

/** Label/value rows as a definition list. */
export function fieldList(fields: ReadonlyArray<{ label: string; value: string }>): HTMLElement {
	const list = el('dl', { class: 'fields' });
	for (const field of fields) {
		append(list, el('dt', {}, field.label), el('dd', {}, field.value));
	}
	return list;
}
