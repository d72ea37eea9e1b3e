import type { PanelData } from '../../shared/panelData';
import { el, section } from '../dom';

/** Best metrics (headline first), with the epoch reached and the direction that counts as better. */
export function renderMetrics(data: PanelData): HTMLElement | undefined {
	if (data.metrics.length === 0) {
		return undefined;
	}
	const list = el('ul', { class: 'metric-list' });
	for (const metric of data.metrics) {
		list.appendChild(el('li', { class: Number.isNaN(metric.value) ? 'metric nan' : 'metric' },
			el('span', { class: 'metric-name' }, metric.name),
			el('span', { class: 'metric-value' }, metric.text),
			el('span', { class: 'metric-note' }, `${metric.epoch !== undefined ? `epoch ${metric.epoch} · ` : ''}${metric.lowerIsBetter ? 'lower is better' : 'higher is better'}`)));
	}
	return section('metrics', 'Best metrics', list);
}
