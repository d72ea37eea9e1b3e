// A chart card: title, "Log scale" and "Table" toggle buttons, and the chart or its table.

import type { ChartModel } from '../../shared/panelData';
import { htmlElement, uniqueId } from './chartDom';
import { renderChartTableView } from './chartTableView';
import { type LineChartHandle, renderLineChart } from './lineChart';

/** A card's view state, remembered by the panel per chart id. */
export interface ChartCardState {
	readonly logScale: boolean;
	readonly table: boolean;
}

/** The initial state, and who hears about each change (the panel saves it in the webview state). */
export interface ChartCardOptions extends ChartCardState {
	readonly onStateChange: (state: ChartCardState) => void;
}

/** A toggle button: a real `<button>` whose `aria-pressed` carries its state. */
function toggleButton(text: string, label: string, key: string, pressed: boolean): HTMLButtonElement {
	return htmlElement('button', { type: 'button', class: 'chart-toggle', 'aria-label': label, 'aria-pressed': String(pressed), 'data-key': key }, text);
}

/**
 * An `<article>` card for one chart, to be appended by the caller. Its "Log scale" and "Table"
 * buttons (keyboard operable, `aria-pressed`, labelled with the chart's title) switch the value
 * axis and switch between the line chart and its table; every change is reported through
 * `onStateChange`. The buttons and the chart carry `data-key`s (`chart-<id>-log`, `-table`,
 * `-plot`), so a panel that re-renders can put the focus back where it was.
 */
export function renderChartCard(chart: ChartModel, options: ChartCardOptions): HTMLElement {
	let state: ChartCardState = { logScale: options.logScale, table: options.table };
	const titleId = uniqueId('chart-title');
	const bodyId = uniqueId('chart-body');
	const card = htmlElement('article', { class: 'chart-card', 'aria-labelledby': titleId, 'data-chart-id': chart.id });
	const header = htmlElement('div', { class: 'chart-card__header' });
	const controls = htmlElement('div', { class: 'chart-card__controls', role: 'group', 'aria-label': `${chart.title} chart view` });
	const logButton = toggleButton('Log scale', `Log scale for ${chart.title}`, `chart-${chart.id}-log`, state.logScale);
	const tableButton = toggleButton('Table', `Table of ${chart.title} values`, `chart-${chart.id}-table`, state.table);
	tableButton.setAttribute('aria-controls', bodyId);
	logButton.setAttribute('aria-controls', bodyId);
	controls.append(logButton, tableButton);
	header.append(htmlElement('h3', { id: titleId, class: 'chart-card__title' }, chart.title), controls);
	const body = htmlElement('div', { id: bodyId, class: 'chart-card__body' });
	card.append(header, body);

	let lineChart: LineChartHandle | undefined;
	const showBody = () => {
		lineChart?.dispose();
		lineChart = undefined;
		body.replaceChildren();
		if (state.table) {
			body.append(renderChartTableView(chart, `chart-${chart.id}`));
		} else {
			lineChart = renderLineChart(body, chart, { logScale: state.logScale });
		}
	};
	const change = (next: ChartCardState) => {
		state = next;
		logButton.setAttribute('aria-pressed', String(state.logScale));
		tableButton.setAttribute('aria-pressed', String(state.table));
		showBody();
		options.onStateChange(state);
	};
	logButton.addEventListener('click', () => change({ ...state, logScale: !state.logScale }));
	tableButton.addEventListener('click', () => change({ ...state, table: !state.table }));
	showBody();
	return card;
}
