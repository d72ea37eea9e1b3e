// Element builders for the chart: createElement(NS), setAttribute and textContent only, never
// markup parsing, so series names from run files can never become HTML or script.

import type { ChartSeries } from '../../shared/panelData';

const svgNamespace = 'http://www.w3.org/2000/svg';

/** Attribute values; numbers are written with String(). */
export type ChartAttributes = Readonly<Record<string, string | number>>;

let lastId = 0;

/** A document-unique id with the given prefix, for aria-labelledby and friends. */
export function uniqueId(prefix: string): string {
	lastId += 1;
	return `${prefix}-${lastId}`;
}

/** An SVG element with these attributes, appended to `parent` when given. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: ChartAttributes = {}, parent?: Element): SVGElementTagNameMap[K] {
	const element = document.createElementNS(svgNamespace, tag);
	for (const [name, value] of Object.entries(attributes)) {
		element.setAttribute(name, String(value));
	}
	parent?.appendChild(element);
	return element;
}

/** An HTML element with these attributes and, when given, this text. */
export function htmlElement<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: ChartAttributes = {}, text?: string): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		element.setAttribute(name, String(value));
	}
	if (text !== undefined) {
		element.textContent = text;
	}
	return element;
}

/** The classes that give a series its theme colour and its dash pattern (so phases differ without colour too). */
export function seriesClass(series: ChartSeries): string {
	return `chart-series chart-series--${series.phase}`;
}

/** A short line sample in a series' colour and dash, for the legend and the readout; hidden from screen readers. */
export function seriesSwatch(series: ChartSeries): SVGSVGElement {
	const swatch = svgElement('svg', { class: 'chart-swatch', width: 24, height: 10, viewBox: '0 0 24 10', 'aria-hidden': 'true', focusable: 'false' });
	svgElement('line', { class: seriesClass(series), x1: 1, y1: 5, x2: 23, y2: 5 }, swatch);
	return swatch;
}

/** The best-point marker shape (a diamond) centred on x, y. */
export function bestMarker(x: number, y: number, parent: Element): SVGPathElement {
	const size = 5;
	return svgElement('path', { class: 'chart-best', d: `M${x} ${y - size}L${x + size} ${y}L${x} ${y + size}L${x - size} ${y}Z` }, parent);
}
