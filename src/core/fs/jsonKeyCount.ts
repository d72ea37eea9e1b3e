/** What {@link measureParsed} found in a parsed JSON value. */
export interface ParsedShape {
	/** Nesting depth of arrays and objects (0 for a scalar); counting stops just past `limit`. */
	readonly depth: number;
	/** Keys of every object, nested ones included (after JSON.parse merged duplicates). */
	readonly keys: number;
}

/**
 * Nesting depth and key count of a value `JSON.parse` returned, in one walk. The walk stops
 * once the depth passes `limit`, so a hostile, deeply nested file costs no more than the limit.
 */
export function measureParsed(value: unknown, limit: number): ParsedShape {
	const shape = { depth: 0, keys: 0 };
	walk(value, 1, limit, shape);
	return shape;
}

function walk(value: unknown, depth: number, limit: number, shape: { depth: number; keys: number }): void {
	if (typeof value !== 'object' || value === null) {
		return;
	}
	if (depth > shape.depth) {
		shape.depth = depth;
	}
	if (depth > limit) {
		return;
	}
	if (Array.isArray(value)) {
		for (const item of value) {
			walk(item, depth + 1, limit, shape);
		}
		return;
	}
	for (const key in value) {
		shape.keys++;
		walk((value as Record<string, unknown>)[key], depth + 1, limit, shape);
	}
}

const quote = 0x22;
const backslash = 0x5c;
const colon = 0x3a;

/**
 * The number of object keys written in `text`, which must be JSON that `JSON.parse` accepted:
 * every string token followed by a colon. In valid JSON every `"` outside a string opens one,
 * so hopping from quote to quote with `indexOf` finds each token exactly. When this equals
 * {@link measureParsed}'s `keys`, no key is written twice anywhere in the document (a
 * duplicate makes JSON.parse keep fewer keys than the text holds); only otherwise is the slow
 * duplicate-key scan needed.
 */
export function countKeyTokens(text: string): number {
	let keys = 0;
	for (let open = text.indexOf('"'); open !== -1;) {
		let close = text.indexOf('"', open + 1);
		while (close !== -1 && isEscaped(text, close)) {
			close = text.indexOf('"', close + 1);
		}
		if (close === -1) {
			return keys;
		}
		let after = close + 1;
		let code = text.charCodeAt(after);
		while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) {
			code = text.charCodeAt(++after);
		}
		if (code === colon) {
			keys++;
		}
		open = code === quote ? after : text.indexOf('"', after);
	}
	return keys;
}

/** Whether the quote at `index` is escaped: preceded by an odd number of backslashes. */
function isEscaped(text: string, index: number): boolean {
	let slashes = 0;
	for (let at = index - 1; text.charCodeAt(at) === backslash; at--) {
		slashes++;
	}
	return slashes % 2 === 1;
}
