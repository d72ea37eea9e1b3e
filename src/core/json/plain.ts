import { type JsonNode, type JsonObject, isJsonNumber, isJsonObject, JsonNumber } from './jsonValue';
import { pythonFloatRepr } from './pythonFloat';

/**
 * The document as plain JS values: numbers become JS numbers (`NaN`, `±Infinity` included; the
 * int/float spelling is lost), objects become plain objects in key order. A key named
 * `__proto__` becomes an own property; it never changes the object's prototype.
 */
export function toPlain(node: JsonNode): unknown {
	if (isJsonNumber(node)) {
		return node.value;
	}
	if (Array.isArray(node)) {
		return node.map(toPlain);
	}
	if (isJsonObject(node)) {
		const result: Record<string, unknown> = {};
		for (const [key, value] of node) {
			if (key === '__proto__') {
				Object.defineProperty(result, key, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
			} else {
				result[key] = toPlain(value);
			}
		}
		return result;
	}
	return node;
}

function isPlainObject(value: object): value is Record<string, unknown> {
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/**
 * Builds a document from plain JS values. A number that is a safe integer becomes an int token
 * (`5`), any other number a float token in Python's repr (`0.1`, `1e-05`, `NaN`); plain objects
 * and `Map`s become {@link JsonObject}s in key order; {@link JsonNumber}s are kept. An object
 * property whose value is `undefined` is left out (as `JSON.stringify` does). Throws TypeError on
 * functions, symbols, bigints, `undefined` elsewhere, class instances and cycles.
 */
export function fromPlain(value: unknown): JsonNode {
	return convert(value, new Set<object>(), '');
}

function convert(value: unknown, ancestors: Set<object>, path: string): JsonNode {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') {
		return value;
	}
	if (typeof value === 'number') {
		return new JsonNumber(Number.isSafeInteger(value) ? String(value === 0 ? 0 : value) : pythonFloatRepr(value));
	}
	if (typeof value !== 'object') {
		throw new TypeError(`Cannot convert ${typeof value} at '${path || '/'}' to JSON`);
	}
	if (value instanceof JsonNumber) {
		return value;
	}
	if (ancestors.has(value)) {
		throw new TypeError(`Cannot convert a cyclic structure at '${path || '/'}' to JSON`);
	}
	ancestors.add(value);
	try {
		if (Array.isArray(value)) {
			return value.map((item: unknown, index) => convert(item, ancestors, `${path}/${index}`));
		}
		const entries = value instanceof Map ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : undefined;
		if (entries === undefined) {
			throw new TypeError(`Cannot convert ${Object.prototype.toString.call(value)} at '${path || '/'}' to JSON: only plain objects, arrays and Maps`);
		}
		const result: JsonObject = new Map();
		for (const [key, item] of entries) {
			if (typeof key !== 'string') {
				throw new TypeError(`Cannot convert a Map with a ${typeof key} key at '${path || '/'}' to JSON`);
			}
			if (item !== undefined) {
				result.set(key, convert(item, ancestors, `${path}/${key}`));
			}
		}
		return result;
	} finally {
		ancestors.delete(value);
	}
}

/** The string at `key`, or undefined when missing or not a string. */
export function getString(object: JsonObject, key: string): string | undefined {
	const value = object.get(key);
	return typeof value === 'string' ? value : undefined;
}

/** The number at `key` as a JS number (`NaN`, `±Infinity` included), or undefined when missing or not a number. */
export function getNumber(object: JsonObject, key: string): number | undefined {
	const value = object.get(key);
	return isJsonNumber(value) ? value.value : undefined;
}

/** The boolean at `key`, or undefined when missing or not a boolean. */
export function getBoolean(object: JsonObject, key: string): boolean | undefined {
	const value = object.get(key);
	return typeof value === 'boolean' ? value : undefined;
}

/** The array at `key`, or undefined when missing or not an array. */
export function getArray(object: JsonObject, key: string): JsonNode[] | undefined {
	const value = object.get(key);
	return Array.isArray(value) ? value : undefined;
}

/** The object at `key`, or undefined when missing or not an object. */
export function getObject(object: JsonObject, key: string): JsonObject | undefined {
	const value = object.get(key);
	return isJsonObject(value) ? value : undefined;
}
