import { encodePng, type RgbaImage } from './pngEncoder';

/** An RGB colour, 0–255 per channel. */
type Rgb = readonly [number, number, number];

const white: Rgb = [255, 255, 255];
const grid: Rgb = [228, 228, 228];
const axis: Rgb = [90, 90, 90];
const lossColour: Rgb = [214, 39, 40];
const iouColour: Rgb = [31, 119, 180];

/** A drawing surface over an opaque RGBA buffer. */
class Canvas implements RgbaImage {
	readonly data: Uint8Array;

	constructor(readonly width: number, readonly height: number, background: Rgb) {
		this.data = new Uint8Array(width * height * 4);
		this.fillRect(0, 0, width, height, background);
	}

	fillRect(x: number, y: number, width: number, height: number, colour: Rgb): void {
		for (let row = Math.max(0, Math.round(y)); row < Math.min(this.height, Math.round(y + height)); row++) {
			for (let column = Math.max(0, Math.round(x)); column < Math.min(this.width, Math.round(x + width)); column++) {
				this.data.set([...colour, 255], (row * this.width + column) * 4);
			}
		}
	}

	/** A line `thickness` pixels wide, stepped one pixel at a time along its longer side. */
	line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, thickness = 2): void {
		const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
		for (let step = 0; step <= steps; step++) {
			const x = x0 + ((x1 - x0) * step) / steps;
			const y = y0 + ((y1 - y0) * step) / steps;
			this.fillRect(x - thickness / 2, y - thickness / 2, thickness, thickness, colour);
		}
	}
}

/** What the training-curves chart plots, one value per epoch (a NaN breaks the line). */
export interface TrainingCurves {
	readonly loss: readonly number[];
	readonly iou: readonly number[];
}

const margin = { left: 28, right: 12, top: 12, bottom: 22 };

/** Draws one series scaled to `[0, top]`, skipping non-finite points. */
function plotSeries(canvas: Canvas, values: readonly number[], top: number, colour: Rgb): void {
	const plotWidth = canvas.width - margin.left - margin.right;
	const plotHeight = canvas.height - margin.top - margin.bottom;
	const xAt = (index: number) => margin.left + (values.length > 1 ? (plotWidth * index) / (values.length - 1) : plotWidth / 2);
	const yAt = (value: number) => margin.top + plotHeight * (1 - Math.min(1, Math.max(0, value / top)));
	let previous: [number, number] | undefined;
	values.forEach((value, index) => {
		if (!Number.isFinite(value)) {
			previous = undefined;
			return;
		}
		const point: [number, number] = [xAt(index), yAt(value)];
		if (previous) {
			canvas.line(previous[0], previous[1], point[0], point[1], colour);
		}
		canvas.fillRect(point[0] - 2, point[1] - 2, 4, 4, colour);
		previous = point;
	});
}

/**
 * A small line plot of a run's validation loss (red, scaled to its largest finite value) and IoU
 * (blue, scaled to 0–1) per epoch, on a light grid with a legend swatch per series, as a PNG file.
 * Default size 320×200 pixels.
 */
export function drawTrainingCurves(curves: TrainingCurves, width = 320, height = 200): Buffer {
	const canvas = new Canvas(width, height, white);
	const plotWidth = width - margin.left - margin.right;
	const plotHeight = height - margin.top - margin.bottom;
	for (let quarter = 0; quarter <= 4; quarter++) {
		canvas.fillRect(margin.left, margin.top + (plotHeight * quarter) / 4, plotWidth, 1, grid);
	}
	const epochs = Math.max(curves.loss.length, curves.iou.length);
	for (let index = 0; index < epochs; index++) {
		const x = margin.left + (epochs > 1 ? (plotWidth * index) / (epochs - 1) : plotWidth / 2);
		canvas.fillRect(x, margin.top + plotHeight, 1, 4, axis);
	}
	canvas.fillRect(margin.left, margin.top, 1, plotHeight + 1, axis);
	canvas.fillRect(margin.left, margin.top + plotHeight, plotWidth + 1, 1, axis);
	const finiteLoss = curves.loss.filter(Number.isFinite);
	plotSeries(canvas, curves.loss, finiteLoss.length > 0 ? Math.max(...finiteLoss) * 1.1 : 1, lossColour);
	plotSeries(canvas, curves.iou, 1, iouColour);
	canvas.fillRect(width - margin.right - 44, margin.top + 4, 16, 4, lossColour);
	canvas.fillRect(width - margin.right - 20, margin.top + 4, 16, 4, iouColour);
	return encodePng(canvas);
}
