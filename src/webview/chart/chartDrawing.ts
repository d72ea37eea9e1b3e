// Turns a laid-out chart (ChartPaths) into SVG children: a fixed handful of nodes per chart
// (grid, ticks, one path per series, markers), never one node per data point.

import type { ChartPaths } from './chartPaths';
import { bestMarker, seriesClass, svgElement } from './chartDom';

/** The hover marks of a drawn chart: a vertical crosshair and one dot per series, hidden until used. */
export interface HoverMarks {
	readonly crosshair: SVGLineElement;
	readonly dots: readonly SVGCircleElement[];
}

/** Grid lines, axis lines and tick labels. */
function drawAxes(svg: SVGSVGElement, paths: ChartPaths): void {
	const { left, top, right, bottom } = paths.plot;
	const grid = svgElement('g', { class: 'chart-grid-lines', 'aria-hidden': 'true' }, svg);
	const labels = svgElement('g', { class: 'chart-tick-labels', 'aria-hidden': 'true' }, svg);
	for (const tick of paths.yTicks) {
		const y = Math.round(tick.position) + 0.5;
		svgElement('line', { x1: left, x2: right, y1: y, y2: y }, grid);
		svgElement('text', { x: left - 6, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, labels).textContent = tick.label;
	}
	for (const tick of paths.xTicks) {
		const x = Math.round(tick.position) + 0.5;
		svgElement('line', { class: 'chart-tick', x1: x, x2: x, y1: bottom, y2: bottom + 4 }, grid);
		svgElement('text', { x, y: bottom + 16, 'text-anchor': 'middle' }, labels).textContent = tick.label;
	}
	const axes = svgElement('g', { class: 'chart-axis', 'aria-hidden': 'true' }, svg);
	svgElement('line', { x1: left, x2: left, y1: top, y2: bottom + 0.5 }, axes);
	svgElement('line', { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5 }, axes);
	svgElement('text', { class: 'chart-axis-title', x: right, y: bottom + 30, 'text-anchor': 'end' }, labels).textContent = 'epoch';
}

/**
 * Replaces `svg`'s children with the drawing of `paths` and sizes it (viewBox in CSS pixels, so
 * one unit is one pixel at the measured width). Returns the hover marks, hidden.
 */
export function drawChart(svg: SVGSVGElement, paths: ChartPaths): HoverMarks {
	svg.replaceChildren();
	svg.setAttribute('viewBox', `0 0 ${paths.width} ${paths.height}`);
	svg.setAttribute('width', String(paths.width));
	svg.setAttribute('height', String(paths.height));
	drawAxes(svg, paths);
	const lines = svgElement('g', { class: 'chart-lines', 'aria-hidden': 'true' }, svg);
	for (const one of paths.series) {
		svgElement('path', { class: seriesClass(one.series), d: one.line }, lines);
		if (one.dots !== '') {
			svgElement('path', { class: `${seriesClass(one.series)} chart-series-dots`, d: one.dots }, lines);
		}
	}
	if (paths.best !== undefined) {
		bestMarker(Math.round(paths.best.x * 10) / 10, Math.round(paths.best.y * 10) / 10, lines);
	}
	if (paths.series.every((one) => one.line === '' && one.dots === '')) {
		const text = paths.empty ? 'No values yet' : 'No value can be drawn';
		const x = (paths.plot.left + paths.plot.right) / 2;
		svgElement('text', { class: 'chart-empty', x, y: (paths.plot.top + paths.plot.bottom) / 2, 'text-anchor': 'middle' }, svg).textContent = text;
	}
	const hover = svgElement('g', { class: 'chart-hover', 'aria-hidden': 'true' }, svg);
	const crosshair = svgElement('line', { class: 'chart-crosshair', y1: paths.plot.top, y2: paths.plot.bottom, visibility: 'hidden' }, hover);
	const dots = paths.series.map((one) => svgElement('circle', { class: `${seriesClass(one.series)} chart-dot`, r: 3.5, visibility: 'hidden' }, hover));
	return { crosshair, dots };
}
