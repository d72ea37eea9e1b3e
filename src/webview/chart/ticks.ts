// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten. Pure: no DOM, runs in Node too.

/** An axis's ticks and the domain they cover; `step` is 0 for log ticks (they are not evenly spaced). */
export interface TickSet {
	readonly domain: readonly [number, number];
	readonly values: readonly number[];
	readonly step: number;
}

/** A tick step as mantissa × 10^exponent (mantissa 1, 2 or 5), so multiples are computed exactly. */
interface NiceStep {
	readonly mantissa: number;
	readonly exponent: number;
}

/**
 * 10^exponent without the drift of `10 ** -5` (0.000009999…): negative powers divide, so
 * every result is the double nearest the decimal.
 */
export function powerOfTen(exponent: number, mantissa = 1): number {
	return exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
}

/** The 1-2-5 step that splits `span` (> 0) into at most about `maxTicks` intervals. */
function niceStep(span: number, maxTicks: number): NiceStep {
	const raw = span / Math.max(1, maxTicks);
	let exponent = Math.floor(Math.log10(raw));
	const residual = raw / powerOfTen(exponent);
	let mantissa = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
	if (mantissa === 10) {
		mantissa = 1;
		exponent += 1;
	}
	return { mantissa, exponent };
}

/** The `index`-th multiple of `step`, as the double nearest its decimal value. */
function multiple(index: number, step: NiceStep): number {
	return powerOfTen(step.exponent, index * step.mantissa);
}

/**
 * Ticks for a linear axis over [lo, hi] (lo < hi, both finite): a 1-2-5 step giving at most
 * about `maxTicks` intervals, and the domain widened outward to the nearest multiples of the
 * step, so the first and last ticks sit on the domain's ends.
 */
export function linearTicks(lo: number, hi: number, maxTicks: number): TickSet {
	const step = niceStep(hi - lo, maxTicks);
	const size = powerOfTen(step.exponent, step.mantissa);
	// Tolerance so a bound that is already a multiple (0.3 / 0.1 = 2.9999…) is not pushed out a step.
	const first = Math.floor(lo / size + 1e-9);
	const last = Math.ceil(hi / size - 1e-9);
	const values: number[] = [];
	for (let index = first; index <= last; index++) {
		values.push(multiple(index, step));
	}
	return { domain: [values[0], values[values.length - 1]], values, step: size };
}

/**
 * Ticks for an epoch axis over [lo, hi]: whole numbers only, a step of 1, 2, 5, 10, 20, … giving
 * at most about `maxTicks` intervals. The domain stays [lo, hi] so the curves span the full width.
 */
export function integerTicks(lo: number, hi: number, maxTicks: number): TickSet {
	const nice = hi > lo ? niceStep(hi - lo, maxTicks) : { mantissa: 1, exponent: 0 };
	const step = Math.max(1, powerOfTen(nice.exponent, nice.mantissa));
	const values: number[] = [];
	const last = Math.floor(hi / step);
	for (let index = Math.ceil(lo / step); index <= last; index++) {
		values.push(index * step);
	}
	return { domain: [lo, hi], values, step };
}

/**
 * Ticks for a log axis over [lo, hi] (0 < lo ≤ hi): the domain widened to whole decades (at
 * least one); ticks at 1, 2 and 5 × each power of ten when the domain spans at most two
 * decades, else at every k-th power of ten so there are at most about `maxTicks`.
 */
export function logTicks(lo: number, hi: number, maxTicks: number): TickSet {
	const firstDecade = Math.floor(Math.log10(lo));
	let lastDecade = Math.ceil(Math.log10(hi));
	if (lastDecade <= firstDecade) {
		lastDecade = firstDecade + 1;
	}
	const decades = lastDecade - firstDecade;
	const values: number[] = [];
	if (decades <= 2) {
		for (let decade = firstDecade; decade < lastDecade; decade++) {
			values.push(powerOfTen(decade), powerOfTen(decade, 2), powerOfTen(decade, 5));
		}
		values.push(powerOfTen(lastDecade));
	} else {
		const stride = Math.ceil(decades / Math.max(1, maxTicks));
		for (let decade = firstDecade; decade <= lastDecade; decade += stride) {
			values.push(powerOfTen(decade));
		}
	}
	return { domain: [powerOfTen(firstDecade), powerOfTen(lastDecade)], values, step: 0 };
}
