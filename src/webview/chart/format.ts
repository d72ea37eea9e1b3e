// Compact number text for chart ticks, readouts and tables. Pure: no DOM, runs in Node too.

const units = [
	{ size: 1e12, suffix: 'T' },
	{ size: 1e9, suffix: 'G' },
	{ size: 1e6, suffix: 'M' },
	{ size: 1e3, suffix: 'k' },
] as const;

/** Drops a mantissa's trailing zeros and the exponent's plus sign: `1.500e+4` → `1.5e4`. */
function trimExponential(text: string): string {
	return text.replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** Text for a value that is not a finite number: `NaN`, `∞`, `-∞`. */
function nonFiniteText(value: number): string {
	if (Number.isNaN(value)) {
		return 'NaN';
	}
	return value > 0 ? '∞' : '-∞';
}

/**
 * One value in at most `significantDigits` significant digits, compactly: `0.6612`, `1.5e-4`,
 * `12.35k`, `NaN`. Values of 10,000 and more get k/M/G/T suffixes, values under 0.001 an
 * exponent; trailing zeros are dropped.
 */
export function formatValue(value: number, significantDigits = 4): string {
	if (!Number.isFinite(value)) {
		return nonFiniteText(value);
	}
	const magnitude = Math.abs(value);
	if (magnitude === 0) {
		return '0';
	}
	if (magnitude < 1e-3 || magnitude >= 1e15) {
		return trimExponential(value.toExponential(significantDigits - 1));
	}
	if (magnitude >= 1e4) {
		const unit = units.find((candidate) => magnitude >= candidate.size) ?? units[units.length - 1];
		return `${Number((value / unit.size).toPrecision(significantDigits))}${unit.suffix}`;
	}
	return String(Number(value.toPrecision(significantDigits)));
}

/** Decimals needed to tell multiples of `step` apart (step 0.05 → 2, step 2 → 0). */
function decimalsFor(step: number): number {
	return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

/**
 * Labels for the evenly spaced ticks of a linear axis, all in one style so they line up: fixed
 * decimals enough to tell neighbours `step` apart (`0.0 0.5 1.0`), k/M/G/T suffixes when the
 * largest tick reaches 10,000 (`10k 12k`), exponents when it stays under 0.001 (`1e-4 1.5e-4`).
 * A tick within a billionth of a step of zero reads `0`.
 */
export function formatLinearTicks(values: readonly number[], step: number): string[] {
	const maxMagnitude = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
	const stepExponent = Math.floor(Math.log10(step));
	return values.map((value) => {
		if (!Number.isFinite(value)) {
			return nonFiniteText(value);
		}
		if (Math.abs(value) < step * 1e-9) {
			return '0';
		}
		if (maxMagnitude >= 1e4) {
			const unit = units.find((candidate) => maxMagnitude >= candidate.size) ?? units[units.length - 1];
			return `${(value / unit.size).toFixed(Math.min(20, decimalsFor(step / unit.size)))}${unit.suffix}`;
		}
		if (maxMagnitude < 1e-3) {
			const digits = Math.max(0, Math.floor(Math.log10(Math.abs(value))) - stepExponent);
			return trimExponential(value.toExponential(Math.min(20, digits)));
		}
		return value.toFixed(Math.min(100, decimalsFor(step)));
	});
}

/** Labels for log-axis ticks (powers of ten and their 2× and 5×): `1e-4`, `0.01`, `0.5`, `10`, `100k`. */
export function formatLogTicks(values: readonly number[]): string[] {
	return values.map((value) => formatValue(value, 3));
}
