import type { PanelData } from '../../shared/panelData';
import { renderChartCard } from '../chart/chartCard';
import { el, section } from '../dom';
import { loadState, saveState } from '../state';

/** One card per metric family; each card's log-scale and table toggles are remembered. */
export function renderCharts(data: PanelData): HTMLElement | undefined {
	if (data.charts.length === 0) {
		return undefined;
	}
	const remembered = loadState().charts ?? {};
	const grid = el('div', { class: 'chart-grid' });
	for (const chart of data.charts) {
		const state = remembered[chart.id] ?? { logScale: false, table: false };
		grid.appendChild(renderChartCard(chart, {
			logScale: state.logScale,
			table: state.table,
			onStateChange: (next) => saveState({ charts: { ...(loadState().charts ?? {}), [chart.id]: next } }),
		}));
	}
	return section('charts', 'Metric curves', grid);
}
