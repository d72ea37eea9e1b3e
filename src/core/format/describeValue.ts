/** A short human name for a JSON value's type, for problem messages ("a string", "null"). */
export function describeJsonType(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'a list';
	}
	switch (typeof value) {
		case 'string': return 'a string';
		case 'number': return !Number.isFinite(value) ? 'a number too large to use' : Number.isInteger(value) ? 'an integer' : 'a number';
		case 'boolean': return 'a boolean';
		case 'object': return 'an object';
		default: return typeof value;
	}
}

/** True for a JSON object (not null, not a list). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
