// The table view of a chart card: the table in a keyboard-scrollable region, a page at a time
// when the run is long (a table of 10,000 rows takes seconds to lay out; a page takes milliseconds).

import type { ChartModel } from '../../shared/panelData';
import { htmlElement } from './chartDom';
import { renderChartTable } from './chartTable';
import { epochUnion } from './nearest';

/** Rows per page: enough to scroll through, few enough to lay out at once. */
export const tableRowsPerPage = 250;

/** A pager button; `aria-disabled` rather than `disabled` so it keeps the focus at either end. */
function pagerButton(text: string, label: string): HTMLButtonElement {
	return htmlElement('button', { type: 'button', class: 'chart-toggle', 'aria-label': label }, text);
}

/**
 * The scrollable table of `chart` (a focusable region named after the chart), followed, when
 * there are more than `tableRowsPerPage` epochs, by Previous/Next buttons and a polite status
 * ("Rows 251–500 of 10000").
 */
export function renderChartTableView(chart: ChartModel, keyPrefix: string): HTMLElement {
	const view = htmlElement('div', { class: 'chart-table-view' });
	const scroller = htmlElement('div', { class: 'chart-table-wrap', role: 'region', tabindex: 0, 'aria-label': `${chart.title} values`, 'data-key': `${keyPrefix}-values` });
	view.append(scroller);
	const total = epochUnion(chart.series).length;
	if (total <= tableRowsPerPage) {
		scroller.append(renderChartTable(chart));
		return view;
	}
	const pager = htmlElement('div', { class: 'chart-pager', role: 'group', 'aria-label': `${chart.title} table pages` });
	const previous = pagerButton('Previous', `Previous ${tableRowsPerPage} rows of ${chart.title}`);
	const next = pagerButton('Next', `Next ${tableRowsPerPage} rows of ${chart.title}`);
	previous.setAttribute('data-key', `${keyPrefix}-previous`);
	next.setAttribute('data-key', `${keyPrefix}-next`);
	const status = htmlElement('span', { class: 'chart-pager__status', 'aria-live': 'polite' });
	pager.append(previous, status, next);
	view.append(pager);
	let first = 0;
	const show = () => {
		scroller.replaceChildren(renderChartTable(chart, { first, count: tableRowsPerPage }));
		scroller.scrollTop = 0;
		status.textContent = `Rows ${first + 1}–${Math.min(total, first + tableRowsPerPage)} of ${total}`;
		previous.setAttribute('aria-disabled', String(first === 0));
		next.setAttribute('aria-disabled', String(first + tableRowsPerPage >= total));
	};
	previous.addEventListener('click', () => {
		if (first > 0) {
			first = Math.max(0, first - tableRowsPerPage);
			show();
		}
	});
	next.addEventListener('click', () => {
		if (first + tableRowsPerPage < total) {
			first += tableRowsPerPage;
			show();
		}
	});
	show();
	return view;
}
