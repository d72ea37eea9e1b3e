import { isLowerBetter } from '../metrics/metricNames';
import { parsePythonIso } from '../tracker/timestamps';

/** Percent done (0–100, one decimal kept by the caller), or undefined without a total. */
export function progressPercent(currentEpoch: number | undefined, totalEpochs: number | undefined): number | undefined {
	if (currentEpoch === undefined || !totalEpochs || totalEpochs <= 0) {
		return undefined;
	}
	return Math.min(100, Math.max(0, (currentEpoch / totalEpochs) * 100));
}

/** Milliseconds from a naive ISO start to `endIso` (or to `nowMs`); undefined without a start. */
export function elapsedMs(startIso: string | undefined, endIso: string | undefined, nowMs: number): number | undefined {
	const start = startIso ? parsePythonIso(startIso) : undefined;
	if (start === undefined) {
		return undefined;
	}
	const end = endIso ? parsePythonIso(endIso) : undefined;
	return Math.max(0, (end ?? nowMs) - start);
}

/** When an epoch finished, from a metrics file's timestamps. */
export interface EpochStamp {
	readonly epoch: number;
	readonly timestamp: string;
}

/**
 * Time left until `totalEpochs`, from the pace of the last epochs (their timestamps), or, with
 * a single stamp, from the start time. Undefined when it cannot be estimated or the run is done.
 */
export function etaMs(stamps: readonly EpochStamp[], currentEpoch: number | undefined, totalEpochs: number | undefined, startIso?: string): number | undefined {
	if (currentEpoch === undefined || !totalEpochs || currentEpoch >= totalEpochs) {
		return undefined;
	}
	const timed = stamps
		.map((stamp) => ({ epoch: stamp.epoch, time: parsePythonIso(stamp.timestamp) }))
		.filter((stamp): stamp is { epoch: number; time: number } => stamp.time !== undefined)
		.sort((a, b) => a.epoch - b.epoch);
	let perEpoch: number | undefined;
	if (timed.length >= 2) {
		const first = timed[0]!;
		const last = timed[timed.length - 1]!;
		perEpoch = last.epoch > first.epoch ? (last.time - first.time) / (last.epoch - first.epoch) : undefined;
	} else if (timed.length === 1 && startIso) {
		const start = parsePythonIso(startIso);
		perEpoch = start !== undefined && timed[0]!.epoch > 0 ? (timed[0]!.time - start) / timed[0]!.epoch : undefined;
	}
	return perEpoch !== undefined && perEpoch >= 0 ? perEpoch * (totalEpochs - currentEpoch) : undefined;
}

/** True when `candidate` beats `best` for metric `name`; NaN never wins, a first finite value always does. */
export function isBetterMetric(name: string, candidate: number, best: number | undefined): boolean {
	if (Number.isNaN(candidate)) {
		return false;
	}
	if (best === undefined || Number.isNaN(best)) {
		return true;
	}
	return isLowerBetter(name) ? candidate < best : candidate > best;
}

/**
 * The metric to show beside a run (tree description, status bar): an IoU-like validation
 * score first, then other validation scores, then validation loss, then anything.
 */
export function headlineMetric(metrics: Readonly<Record<string, number>>): { name: string; value: number } | undefined {
	const names = Object.keys(metrics).filter((name) => !Number.isNaN(metrics[name]!));
	const rank = (name: string) => {
		const lower = name.toLowerCase();
		const validation = lower.startsWith('val') ? 0 : 4;
		if (/iou/.test(lower)) {
			return validation;
		}
		if (/dice|f1|acc|precision|recall/.test(lower)) {
			return validation + 1;
		}
		if (/loss/.test(lower)) {
			return validation + 2;
		}
		return validation + 3;
	};
	const best = names.sort((a, b) => rank(a) - rank(b))[0];
	return best === undefined ? undefined : { name: best, value: metrics[best]! };
}

/** Status running, yet no file of the run changed for `staleMinutes`. */
export function isStale(status: string, lastActivityMs: number, nowMs: number, staleMinutes: number): boolean {
	return status === 'running' && lastActivityMs > 0 && nowMs - lastActivityMs > staleMinutes * 60_000;
}
