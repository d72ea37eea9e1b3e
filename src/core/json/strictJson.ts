import { JsonNumber } from './jsonValue';

function nonFiniteName(value: number): string {
	if (Number.isNaN(value)) {
		return 'NaN';
	}
	return value > 0 ? 'Infinity' : '-Infinity';
}

function strictReplacer(_key: string, value: unknown): unknown {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : nonFiniteName(value);
	}
	if (value instanceof JsonNumber) {
		const number = value.value;
		return Number.isFinite(number) ? number : nonFiniteName(number);
	}
	if (value instanceof Map) {
		const object: Record<string, unknown> = {};
		for (const [key, item] of value as Map<unknown, unknown>) {
			// defineProperty, so that a `__proto__` key stays an ordinary own property.
			Object.defineProperty(object, String(key), { value: item, enumerable: true, writable: true, configurable: true });
		}
		return object;
	}
	return value;
}

/**
 * RFC 8259 JSON for machine consumers (the CLI's `--json` output). Non-finite numbers, plain or
 * in a {@link JsonNumber}, become the strings `"NaN"`, `"Infinity"` and `"-Infinity"`; JsonNumbers
 * become JS numbers; `Map`s (including `JsonObject`s) become objects in key order. Otherwise
 * `JSON.stringify` semantics: `indent` spaces per level (compact when omitted), `toJSON` honoured,
 * `undefined` properties left out, a top-level `undefined` written as `null`; bigints throw.
 */
export function stringifyStrict(value: unknown, indent?: number): string {
	return JSON.stringify(value, strictReplacer, indent) ?? 'null';
}
