import { type JsonNode, JsonNumber, isJsonNumber, isJsonObject } from './jsonValue';
import { pythonFloatRepr } from './pythonFloat';

/**
 * The document with every number spelled as Python's `json.dump` prints it after a
 * `json.load`: ints canonical (`-0` → `0`), floats in repr (`1E-5` → `1e-05`, `0.90` → `0.9`,
 * `1E5` → `100000.0`). For JSON a person wrote by hand that a Python writer would re-save
 * (a config): the written file then matches Python's bytes.
 */
export function toPythonSpelling(node: JsonNode): JsonNode {
	if (isJsonNumber(node)) {
		if (node.isInteger) {
			return new JsonNumber(BigInt(node.text).toString());
		}
		return new JsonNumber(pythonFloatRepr(node.value));
	}
	if (Array.isArray(node)) {
		return node.map(toPythonSpelling);
	}
	if (isJsonObject(node)) {
		return new Map([...node].map(([key, value]) => [key, toPythonSpelling(value)]));
	}
	return node;
}
