// Linear and log scales from data values to pixels, and domain padding. Pure: no DOM, runs in Node too.

/** Maps data values in `domain` to pixels in `range` (either may run backwards, as y does). */
export interface Scale {
	readonly log: boolean;
	readonly domain: readonly [number, number];
	readonly range: readonly [number, number];
	/** The pixel for a value; NaN for a value the scale cannot show (NaN, or ≤ 0 on a log scale). */
	toPixel(value: number): number;
	/** The value at a pixel (the inverse of `toPixel`). */
	fromPixel(pixel: number): number;
}

/** A straight-line map of `domain` onto `range`; a zero-width domain maps everything to the range's middle. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
	const [d0, d1] = domain;
	const [r0, r1] = range;
	const span = d1 - d0;
	const ratio = span === 0 ? 0 : (r1 - r0) / span;
	const middle = (r0 + r1) / 2;
	return {
		log: false,
		domain,
		range,
		toPixel: (value) => (span === 0 ? (Number.isNaN(value) ? NaN : middle) : r0 + (value - d0) * ratio),
		fromPixel: (pixel) => (span === 0 ? d0 : d0 + (pixel - r0) / ratio),
	};
}

/**
 * A base-10 log map of `domain` (both ends > 0) onto `range`. Values ≤ 0 have no place on it and
 * map to NaN, so the path builder draws them as gaps.
 */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
	const inner = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
	return {
		log: true,
		domain,
		range,
		toPixel: (value) => (value > 0 ? inner.toPixel(Math.log10(value)) : NaN),
		fromPixel: (pixel) => 10 ** inner.fromPixel(pixel),
	};
}

/**
 * [lo, hi] widened by `fraction` of its span on each side, so extremes do not sit on the frame.
 * A single value (lo = hi) or a span too small for doubles to resolve gets room around it:
 * ±10% of its size (±1 around zero). The result always has lo < hi.
 */
export function padDomain(lo: number, hi: number, fraction: number): [number, number] {
	const size = Math.max(Math.abs(lo), Math.abs(hi));
	const span = hi - lo;
	if (span <= size * 1e-9) {
		const room = size === 0 ? 1 : size * 0.1;
		return [lo - room, hi + room];
	}
	return [lo - span * fraction, hi + span * fraction];
}
