// A line chart of one metric family as SVG: built from buildChartPaths, redrawn when its width
// changes, focusable with a keyboard readout, described for screen readers.

import type { ChartModel } from '../../shared/panelData';
import { buildChartPaths } from './chartPaths';
import { htmlElement, seriesSwatch, svgElement, uniqueId } from './chartDom';
import { drawChart } from './chartDrawing';
import { attachChartHover } from './chartHover';
import { bestPoint, describeChart } from './chartSummary';
import { formatValue } from './format';

/** Log or linear value axis; a fixed size in CSS pixels, or (default) the container's width and 220 px high. */
export interface LineChartOptions {
	readonly logScale: boolean;
	readonly width?: number;
	readonly height?: number;
}

/** The chart's SVG, and how to take the chart (its listeners and resize observer) away again. */
export interface LineChartHandle {
	readonly element: SVGSVGElement;
	dispose(): void;
}

/** Width used when neither the options nor the layout give one and there is no ResizeObserver. */
const fallbackWidth = 480;

/** The legend: one entry per series (colour and dash), and the best point's marker. */
function renderLegend(chart: ChartModel): HTMLUListElement {
	const legend = htmlElement('ul', { class: 'chart-legend', 'aria-label': `${chart.title} legend` });
	for (const series of chart.series) {
		const item = htmlElement('li', { class: 'chart-legend__item' });
		item.append(seriesSwatch(series), htmlElement('span', {}, series.label));
		legend.append(item);
	}
	const best = bestPoint(chart);
	if (best !== undefined) {
		const item = htmlElement('li', { class: 'chart-legend__item' });
		const marker = svgElement('svg', { class: 'chart-swatch', width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' });
		svgElement('path', { class: 'chart-best', d: 'M6 1L11 6L6 11L1 6Z' }, marker);
		item.append(marker, htmlElement('span', {}, `best ${best.seriesLabel} ${formatValue(best.value)} (epoch ${best.epoch})`));
		legend.append(item);
	}
	return legend;
}

/**
 * Draws `chart` into `container` (appending a plot, a legend and any notes) and returns its SVG.
 * The SVG is focusable (`role="application"`, labelled with a one-sentence summary); pointer
 * movement and the arrow, Page, Home and End keys show a readout of every series at an epoch.
 * Without `options.width` the chart follows its container's width (ResizeObserver).
 */
export function renderLineChart(container: HTMLElement, chart: ChartModel, options: LineChartOptions): LineChartHandle {
	const height = options.height ?? 220;
	const hintId = uniqueId('chart-hint');
	const plot = htmlElement('div', { class: 'chart-plot' });
	const svg = svgElement('svg', {
		class: 'chart-svg',
		role: 'application',
		tabindex: 0,
		'aria-roledescription': 'line chart',
		'aria-label': describeChart(chart),
		'aria-describedby': hintId,
		'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End PageUp PageDown',
		'data-key': `chart-${chart.id}-plot`,
	}, plot);
	const readout = htmlElement('div', { class: 'chart-readout', 'aria-hidden': 'true' });
	readout.hidden = true;
	const hint = htmlElement('span', { id: hintId, class: 'chart-sr-only' }, 'Left and right arrow keys read the values epoch by epoch; Home and End go to the first and last epoch.');
	const live = htmlElement('div', { class: 'chart-sr-only', 'aria-live': 'polite' });
	plot.append(readout, hint, live);
	const notes = htmlElement('p', { class: 'chart-note' });
	const legend = renderLegend(chart);
	container.append(plot, legend, notes);

	const hover = attachChartHover(chart, { svg, readout, live });
	let drawnWidth = 0;
	const draw = (width: number) => {
		drawnWidth = width;
		const paths = buildChartPaths(chart, { width, height, logScale: options.logScale });
		hover.redrawn(paths, drawChart(svg, paths));
		notes.textContent = paths.notes.join(' ');
		notes.hidden = paths.notes.length === 0;
	};
	const canObserve = options.width === undefined && typeof ResizeObserver !== 'undefined';
	const knownWidth = options.width ?? Math.round(plot.clientWidth);
	// A chart built detached (as the panel builds its cards) has no width yet: the observer draws
	// it once it is laid out, instead of drawing it twice.
	if (knownWidth > 0 || !canObserve) {
		draw(knownWidth || fallbackWidth);
	}
	let observer: ResizeObserver | undefined;
	if (canObserve) {
		observer = new ResizeObserver((entries) => {
			const width = Math.round(entries[entries.length - 1].contentRect.width);
			if (width > 0 && width !== drawnWidth) {
				draw(width);
			}
		});
		observer.observe(plot);
	}
	return {
		element: svg,
		dispose() {
			observer?.disconnect();
			hover.dispose();
			plot.remove();
			legend.remove();
			notes.remove();
		},
	};
}
