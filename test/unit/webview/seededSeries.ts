import type { ChartPoint } from '../../../src/webview/chart/downsample';
import { seededRandom } from '../core/json/seededRandom';

/**
 * A random walk over epochs 1..length with occasional spikes and, when `nanRuns` > 0, that many
 * runs of NaN (1–40 long) at random places, like a run that diverged and recovered.
 */
export function randomSeries(seed: number, length: number, nanRuns = 0): ChartPoint[] {
	const random = seededRandom(seed);
	const points: [number, number][] = [];
	let value = random() * 2;
	for (let epoch = 1; epoch <= length; epoch++) {
		value += (random() - 0.5) * 0.1 + (random() < 0.002 ? (random() - 0.5) * 20 : 0);
		points.push([epoch, value]);
	}
	for (let run = 0; run < nanRuns; run++) {
		const start = Math.floor(random() * length);
		const runLength = 1 + Math.floor(random() * 40);
		for (let index = start; index < Math.min(length, start + runLength); index++) {
			points[index] = [points[index][0], NaN];
		}
	}
	return points;
}
