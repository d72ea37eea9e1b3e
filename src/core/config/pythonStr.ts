import { type JsonNode, isJsonNumber } from '../json/jsonValue';
import { pythonFloatRepr } from '../json/pythonFloat';

/**
 * Python's `str()` of a scalar as `json.load` would have read it: `None`, `True`/`False`, a
 * string unchanged, an int with all its digits, a float as its repr (`1e-05`, `nan`, `inf`).
 * OmegaConf uses it to join the parts of a string interpolation. Undefined for a mapping or
 * list, whose Python repr is not reproduced.
 */
export function pythonStrOfScalar(node: JsonNode): string | undefined {
	if (node === null) {
		return 'None';
	}
	if (typeof node === 'boolean') {
		return node ? 'True' : 'False';
	}
	if (typeof node === 'string') {
		return node;
	}
	if (!isJsonNumber(node)) {
		return undefined;
	}
	if (node.isInteger) {
		return BigInt(node.text).toString();
	}
	const value = node.value;
	if (Number.isNaN(value)) {
		return 'nan';
	}
	return Number.isFinite(value) ? pythonFloatRepr(value) : value > 0 ? 'inf' : '-inf';
}
