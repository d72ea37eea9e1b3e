import type { PanelData } from '../../shared/panelData';
import { el, fieldList, section } from '../dom';

/** Epoch x/y with a bar, elapsed, ETA and training time. */
export function renderProgress(data: PanelData): HTMLElement | undefined {
	const { progress } = data;
	const fields: Array<{ label: string; value: string }> = [];
	if (progress.currentEpoch !== undefined) {
		fields.push({ label: 'Epoch', value: progress.totalEpochs ? `${progress.currentEpoch} / ${progress.totalEpochs}` : String(progress.currentEpoch) });
	}
	for (const [label, value] of [['Elapsed', progress.elapsed], ['ETA', progress.eta], ['Training time', progress.trainingTime]] as const) {
		if (value) {
			fields.push({ label, value });
		}
	}
	if (fields.length === 0) {
		return undefined;
	}
	const bar = progress.percent === undefined ? undefined : el('progress', { class: 'progress', max: 100, value: progress.percent.toFixed(1), 'aria-label': `Training progress ${progress.percent.toFixed(0)}%` });
	return section('progress', 'Progress', bar, fieldList(fields));
}
