import { parseLenient } from '../json/lenientParse';
import { toPlain } from '../json/plain';

/** The outcome of {@link parseJsonText}: a plain JS value, or why the text is not JSON. */
export type JsonTextResult =
	| { readonly ok: true; readonly value: unknown }
	| { readonly ok: false; readonly message: string };

/** A parsed JSON object as plain JS (string keys, values as `JSON.parse` gives them, non-finite numbers kept). */
export type PlainObject = Record<string, unknown>;

/**
 * Parses JSON as Python's `json.loads` does, into plain JS values. Native `JSON.parse` runs
 * first because it is fast; only text it rejects (bare `NaN`/`Infinity` from a diverged
 * run, a BOM) goes through the lenient parser, whose numbers come back as JS numbers
 * (`NaN`, `±Infinity` included). Never throws.
 */
export function parseJsonText(text: string): JsonTextResult {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		const lenient = parseLenient(text);
		if (!lenient.ok) {
			// The parser's message already names the line and column.
			return { ok: false, message: lenient.error.message };
		}
		return { ok: true, value: toPlain(lenient.value) };
	}
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is PlainObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A metric value as charts take it: a JSON number, with every non-finite value (`NaN`,
 * `Infinity`, `-Infinity`: a diverged run) turned into `NaN`, which charts draw as a gap.
 * Anything that is not a number (strings, booleans, null, objects) gives `undefined`.
 */
export function metricNumber(value: unknown): number | undefined {
	if (typeof value !== 'number') {
		return undefined;
	}
	return Number.isFinite(value) ? value : Number.NaN;
}

/** An epoch or step number: a non-negative JSON integer (Python `int`), else `undefined`. */
export function wholeNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A non-empty string (Python writes `""` for a timestamp never set), else `undefined`. */
export function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Sets an own enumerable property: a metric named `__proto__` stays data and never changes a prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
