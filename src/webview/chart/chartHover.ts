// The value readout of a line chart: follows the pointer, and the arrow keys when the chart has
// focus (announced through a polite live region), epoch by epoch over the exact data.

import type { ChartModel } from '../../shared/panelData';
import type { ChartPaths } from './chartPaths';
import type { HoverMarks } from './chartDrawing';
import { bestPoint } from './chartSummary';
import { htmlElement, seriesSwatch } from './chartDom';
import { formatValue } from './format';
import { epochUnion, nearestIndex, seriesEpochs, valueAtEpoch } from './nearest';

/** The chart's SVG, the readout box beside it, and the live region that speaks keyboard readouts. */
export interface HoverParts {
	readonly svg: SVGSVGElement;
	readonly readout: HTMLElement;
	readonly live: HTMLElement;
}

/** Updates the readout after each redraw; dispose removes its listeners. */
export interface HoverController {
	redrawn(paths: ChartPaths, marks: HoverMarks): void;
	dispose(): void;
}

/** The epoch each chart's keyboard readout was on, by chart id, so a live re-render keeps it. */
const rememberedEpoch = new Map<string, number>();

/** Keyboard steps, as for a slider: one epoch (arrows), a tenth of the epochs (Page keys), or to either end. */
function keyStep(key: string, count: number): number | 'first' | 'last' | undefined {
	const page = Math.max(1, Math.round(count / 10));
	const steps: Record<string, number | 'first' | 'last'> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -page, PageUp: page, Home: 'first', End: 'last' };
	return Object.hasOwn(steps, key) ? steps[key] : undefined;
}

/** Attaches the pointer and keyboard readout to a chart's SVG. */
export function attachChartHover(chart: ChartModel, parts: HoverParts): HoverController {
	const { svg, readout, live } = parts;
	let paths: ChartPaths | undefined;
	let marks: HoverMarks | undefined;
	let shown = -1;
	// Built on first use: a chart that is never hovered never pays for them.
	let stopsCache: { epochs: number[]; bySeries: Float64Array[] } | undefined;
	const stops = () => (stopsCache ??= { epochs: epochUnion(chart.series), bySeries: chart.series.map(seriesEpochs) });

	const hide = () => {
		shown = -1;
		readout.hidden = true;
		marks?.crosshair.setAttribute('visibility', 'hidden');
		marks?.dots.forEach((dot) => dot.setAttribute('visibility', 'hidden'));
	};

	const show = (index: number, announce: boolean) => {
		const { epochs, bySeries } = stops();
		const drawn = paths;
		const hoverMarks = marks;
		if (drawn === undefined || hoverMarks === undefined || index < 0 || index >= epochs.length) {
			return hide();
		}
		shown = index;
		const epoch = epochs[index];
		const x = drawn.xScale.toPixel(epoch);
		hoverMarks.crosshair.setAttribute('x1', String(x));
		hoverMarks.crosshair.setAttribute('x2', String(x));
		hoverMarks.crosshair.setAttribute('visibility', 'visible');
		const rows = [htmlElement('div', { class: 'chart-readout__epoch' }, `Epoch ${epoch}`)];
		const spoken: string[] = [];
		chart.series.forEach((series, seriesIndex) => {
			const value = valueAtEpoch(series, bySeries[seriesIndex], epoch);
			const y = value === undefined ? NaN : drawn.yScale.toPixel(value);
			const dot = hoverMarks.dots[seriesIndex];
			dot.setAttribute('visibility', Number.isFinite(y) ? 'visible' : 'hidden');
			if (Number.isFinite(y)) {
				dot.setAttribute('cx', String(x));
				dot.setAttribute('cy', String(y));
			}
			const text = value === undefined ? '—' : formatValue(value);
			const row = htmlElement('div', { class: 'chart-readout__row' });
			row.append(seriesSwatch(series), htmlElement('span', {}, series.label), htmlElement('span', { class: 'chart-readout__value' }, text));
			rows.push(row);
			spoken.push(`${series.label} ${value === undefined ? 'no value' : text}`);
		});
		readout.replaceChildren(...rows);
		readout.hidden = false;
		// The SVG may be scaled by CSS between a resize and its redraw.
		const scale = svg.getBoundingClientRect().width / drawn.width || 1;
		readout.style.left = `${x * scale}px`;
		readout.classList.toggle('chart-readout--flip', x > drawn.width / 2);
		if (announce) {
			rememberedEpoch.set(chart.id, epoch);
			live.textContent = `Epoch ${epoch}: ${spoken.join(', ')}`;
		}
	};

	const startIndex = () => {
		const epochs = stops().epochs;
		const wanted = rememberedEpoch.get(chart.id) ?? bestPoint(chart)?.epoch ?? epochs[epochs.length - 1];
		return nearestIndex(epochs, wanted);
	};

	const onPointerMove = (event: PointerEvent) => {
		if (paths === undefined) {
			return;
		}
		const box = svg.getBoundingClientRect();
		const x = ((event.clientX - box.left) * paths.width) / (box.width || paths.width);
		if (x < paths.plot.left - 8 || x > paths.plot.right + 8) {
			return hide();
		}
		show(nearestIndex(stops().epochs, paths.xScale.fromPixel(x)), false);
	};
	const onPointerLeave = () => (document.activeElement === svg ? show(startIndex(), false) : hide());
	const onFocus = () => show(startIndex(), false);
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.key === 'Escape') {
			return hide();
		}
		const count = stops().epochs.length;
		const step = keyStep(event.key, count);
		if (step === undefined || count === 0) {
			return;
		}
		event.preventDefault();
		const from = shown < 0 ? startIndex() : shown;
		const to = step === 'first' ? 0 : step === 'last' ? count - 1 : Math.min(count - 1, Math.max(0, from + step));
		show(to, true);
	};

	svg.addEventListener('pointermove', onPointerMove);
	svg.addEventListener('pointerleave', onPointerLeave);
	svg.addEventListener('focus', onFocus);
	svg.addEventListener('blur', hide);
	svg.addEventListener('keydown', onKeyDown);
	return {
		redrawn(nextPaths, nextMarks) {
			paths = nextPaths;
			marks = nextMarks;
			if (shown >= 0) {
				show(shown, false);
			} else if (document.activeElement === svg) {
				// Focused before its first drawing (the panel restores focus right after a re-render).
				show(startIndex(), false);
			}
		},
		dispose() {
			svg.removeEventListener('pointermove', onPointerMove);
			svg.removeEventListener('pointerleave', onPointerLeave);
			svg.removeEventListener('focus', onFocus);
			svg.removeEventListener('blur', hide);
			svg.removeEventListener('keydown', onKeyDown);
		},
	};
}
