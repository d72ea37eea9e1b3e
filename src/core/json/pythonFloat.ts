import { JsonNumber } from './jsonValue';

/**
 * Python's `repr(float(x))` as its `json` module writes it: the shortest digits that read back
 * as the same double, in fixed notation when the decimal exponent is between -4 and 15
 * (`0.0001`, `5.0`, `1234567890123456.0`) and in scientific notation otherwise (`1e-05`,
 * `1e+16`, `1.5e+300`); `-0.0` keeps its sign; non-finite values are `NaN`, `Infinity` and
 * `-Infinity`, the bare tokens `json.dumps` emits.
 */
export function pythonFloatRepr(x: number): string {
	if (Number.isNaN(x)) {
		return 'NaN';
	}
	if (!Number.isFinite(x)) {
		return x > 0 ? 'Infinity' : '-Infinity';
	}
	if (x === 0) {
		return Object.is(x, -0) ? '-0.0' : '0.0';
	}
	const sign = x < 0 ? '-' : '';
	// Without an argument, toExponential gives the shortest round-trip digits, as Python's repr does.
	const [mantissa, exponentText] = Math.abs(x).toExponential().split('e');
	const digits = mantissa.replace('.', '');
	const exponent = Number(exponentText);
	if (exponent < -4 || exponent > 15) {
		const significand = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
		const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
		return `${sign}${significand}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
	}
	if (exponent < 0) {
		return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
	}
	const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
	const fractionPart = digits.slice(exponent + 1);
	return `${sign}${integerPart}.${fractionPart === '' ? '0' : fractionPart}`;
}

/**
 * A number token as Python would write it: `kind: 'int'` gives the integer's digits (it must be
 * a safe integer, else a RangeError; `-0` becomes `0`), `kind: 'float'` gives {@link pythonFloatRepr}.
 */
export function pythonNumber(x: number, kind: 'int' | 'float'): JsonNumber {
	if (kind === 'float') {
		return new JsonNumber(pythonFloatRepr(x));
	}
	if (!Number.isSafeInteger(x)) {
		throw new RangeError(`${String(x)} is not a safe integer, so it cannot be written as a Python int`);
	}
	return new JsonNumber(String(x === 0 ? 0 : x));
}

const nonFinitePattern = /^([+-]?)(nan|inf|infinity)$/i;
const integerPattern = /^([+-]?)0*(\d+)$/;
const floatPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a number typed by a user (on the CLI, in an input box) the way Python's `int()` and then
 * `float()` would, and returns the token Python's `json` would write for it: `3` → `3`, `007` →
 * `7`, `3.0` → `3.0`, `1e-5` → `1e-05`, `nan` → `NaN`, `-inf` → `-Infinity`. Surrounding
 * whitespace is ignored; anything else (`0x10`, `1,5`, `1_000`, `abc`, ``) gives undefined.
 */
export function parsePythonNumberLiteral(text: string): JsonNumber | undefined {
	const trimmed = text.trim();
	const nonFinite = nonFinitePattern.exec(trimmed);
	if (nonFinite !== null) {
		if (nonFinite[2].toLowerCase() === 'nan') {
			return new JsonNumber('NaN');
		}
		return new JsonNumber(nonFinite[1] === '-' ? '-Infinity' : 'Infinity');
	}
	const integer = integerPattern.exec(trimmed);
	if (integer !== null) {
		// Python ints are unbounded: keep the digits rather than going through a double.
		const isNegative = integer[1] === '-' && integer[2] !== '0';
		return new JsonNumber(`${isNegative ? '-' : ''}${integer[2]}`);
	}
	if (floatPattern.test(trimmed)) {
		return new JsonNumber(pythonFloatRepr(Number(trimmed)));
	}
	return undefined;
}
