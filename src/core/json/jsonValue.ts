/**
 * A lossless JSON document model. CrackSeg's Python writers print ints and floats
 * differently (`5` vs `5.0`, `1e-05`), write bare `NaN`/`Infinity`, and keep key order; a
 * rewrite must reproduce all of that byte for byte, and `config_hash` depends on it. Plain
 * `JSON.parse` loses it, so documents that are edited or hashed use this model.
 *
 * - `null`, booleans and strings are plain JS values;
 * - numbers are {@link JsonNumber}, which keeps the token exactly as written;
 * - arrays are JS arrays;
 * - objects are {@link JsonObject}: a `Map` in document order. A key written twice keeps
 *   its first position and its last value, as Python's `json.load` does.
 */
export type JsonNode = null | boolean | string | JsonNumber | JsonNode[] | JsonObject;

/** A JSON object, in key order. */
export type JsonObject = Map<string, JsonNode>;

/** A number token kept as written: `3`, `5.0`, `1e-05`, `-0.0`, `NaN`, `Infinity`, `-Infinity`. */
export class JsonNumber {
	constructor(readonly text: string) {}

	/** The value as a JS number (`NaN` and `±Infinity` included). */
	get value(): number {
		switch (this.text) {
			case 'NaN': return Number.NaN;
			case 'Infinity': return Number.POSITIVE_INFINITY;
			case '-Infinity': return Number.NEGATIVE_INFINITY;
			default: return Number(this.text);
		}
	}

	/** True for an integer token (no `.`, exponent or non-finite word), as Python reads it into `int`. */
	get isInteger(): boolean {
		return /^-?\d+$/.test(this.text);
	}
}

export function isJsonObject(node: JsonNode | undefined): node is JsonObject {
	return node instanceof Map;
}

export function isJsonNumber(node: JsonNode | undefined): node is JsonNumber {
	return node instanceof JsonNumber;
}
