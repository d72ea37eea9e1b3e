// The table view of a chart: every epoch and every series' exact value, for screen readers
// and for anyone who wants the numbers rather than the curve.

import type { ChartModel } from '../../shared/panelData';
import { htmlElement } from './chartDom';
import { formatValue } from './format';
import { epochUnion, seriesEpochs, valueAtEpoch } from './nearest';

/** "train and val", "train, val and test". */
function labelList(labels: readonly string[]): string {
	return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Which rows to show: `count` rows from the `first` (0-based) of all epochs. */
export interface TableRows {
	readonly first: number;
	readonly count: number;
}

/**
 * A table of `chart`'s data: a caption naming the chart, a column header per series (its label,
 * with its metric key as a tooltip), and one row per epoch that any series has (a row header),
 * all of them or the `rows` asked for (the caption then says which). Values have six
 * significant digits; NaN reads "NaN" and an epoch a series lacks reads "—".
 */
export function renderChartTable(chart: ChartModel, rows?: TableRows): HTMLTableElement {
	const allEpochs = epochUnion(chart.series);
	const first = Math.max(0, Math.min(rows?.first ?? 0, allEpochs.length));
	const epochs = rows === undefined ? allEpochs : allEpochs.slice(first, first + Math.max(0, rows.count));
	const partial = epochs.length < allEpochs.length ? `, rows ${first + 1}–${first + epochs.length} of ${allEpochs.length}` : '';
	const table = htmlElement('table', { class: 'chart-table' });
	table.createCaption().textContent = `${chart.title}: ${labelList(chart.series.map((series) => series.label))} by epoch${partial}`;
	const headRow = table.createTHead().appendChild(htmlElement('tr'));
	headRow.append(htmlElement('th', { scope: 'col', class: 'chart-table__number' }, 'Epoch'));
	for (const series of chart.series) {
		headRow.append(htmlElement('th', { scope: 'col', class: 'chart-table__number', title: series.key }, series.label));
	}
	const body = table.createTBody();
	const epochsBySeries = chart.series.map(seriesEpochs);
	for (const epoch of epochs) {
		// appendChild, not insertRow(): insertRow recounts the rows on every call (quadratic on long runs).
		const row = body.appendChild(htmlElement('tr'));
		row.append(htmlElement('th', { scope: 'row', class: 'chart-table__number' }, String(epoch)));
		chart.series.forEach((series, index) => {
			const value = valueAtEpoch(series, epochsBySeries[index], epoch);
			const cell = htmlElement('td', { class: 'chart-table__number' }, value === undefined ? '—' : formatValue(value, 6));
			if (value === undefined) {
				cell.title = `no ${series.label} value at this epoch`;
			} else if (Number.isNaN(value)) {
				cell.classList.add('chart-table__nan');
			}
			row.append(cell);
		});
	}
	return table;
}
