import { setOwn } from './jsonText';

/** A scalar JSON value found by {@link scanJsonHead} (`NaN`/`Infinity` as JS numbers). */
export type HeadScalar = string | number | boolean | null;

interface Frame {
	readonly object: boolean;
	key?: string;
}

const scalarToken = /^(?:-?Infinity|NaN|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * Collects the scalar values of the object keys that a JSON document's first bytes already
 * hold, without parsing the rest: `{"a": 1, "b": {"c": "x"` gives `a → 1`, `b.c → "x"`.
 * Paths join keys with `.`; only values nested in objects (no arrays) up to `maxDepth` levels
 * are kept. Scanning stops at the first token the text cuts (or a malformed one), so a value
 * is only reported when complete. Python writes `experiment_start` and `total_epochs` first in
 * summary.json, which is what makes a head read enough.
 */
export function scanJsonHead(text: string, maxDepth = 2): Map<string, HeadScalar> {
	const found = new Map<string, HeadScalar>();
	const frames: Frame[] = [];
	let expectKey = false;
	const record = (value: HeadScalar): void => {
		if (frames.length > 0 && frames.length <= maxDepth && frames.every((frame) => frame.object && frame.key !== undefined)) {
			found.set(frames.map((frame) => frame.key).join('.'), value);
		}
	};
	let index = 0;
	while (index < text.length) {
		const char = text[index];
		if (char === '{' || char === '[') {
			frames.push({ object: char === '{' });
			expectKey = char === '{';
		} else if (char === '}' || char === ']') {
			frames.pop();
			expectKey = false;
		} else if (char === ',') {
			expectKey = frames.at(-1)?.object ?? false;
		} else if (char === '"') {
			const end = stringEnd(text, index);
			const value = end === -1 ? undefined : decodeString(text.slice(index, end + 1));
			if (value === undefined) {
				break;
			}
			if (expectKey && frames.length > 0) {
				frames[frames.length - 1].key = value;
				expectKey = false;
			} else {
				record(value);
			}
			index = end;
		} else if (!/[\s:]/.test(char)) {
			const token = scalarToken.exec(text.slice(index, index + 64))?.[0];
			if (token === undefined || index + token.length >= text.length) {
				break;
			}
			record(scalarValue(token));
			index += token.length - 1;
		}
		index++;
	}
	return found;
}

function stringEnd(text: string, start: number): number {
	for (let index = start + 1; index < text.length; index++) {
		if (text[index] === '\\') {
			index++;
		} else if (text[index] === '"') {
			return index;
		}
	}
	return -1;
}

function decodeString(literal: string): string | undefined {
	try {
		return JSON.parse(literal) as string;
	} catch {
		return undefined;
	}
}

function scalarValue(token: string): HeadScalar {
	switch (token) {
		case 'true': return true;
		case 'false': return false;
		case 'null': return null;
		case 'NaN': return Number.NaN;
		case 'Infinity': return Number.POSITIVE_INFINITY;
		case '-Infinity': return Number.NEGATIVE_INFINITY;
		default: return Number(token);
	}
}

/** Rebuilds nested objects from {@link scanJsonHead}'s dotted paths (`b.c → "x"` gives `{b: {c: "x"}}`). */
export function headToObject(found: ReadonlyMap<string, HeadScalar>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	for (const [dotted, value] of found) {
		const keys = dotted.split('.');
		let target = root;
		for (const key of keys.slice(0, -1)) {
			const next = Object.hasOwn(target, key) ? target[key] : undefined;
			if (typeof next !== 'object' || next === null) {
				setOwn(target, key, {});
			}
			target = target[key] as Record<string, unknown>;
		}
		setOwn(target, keys[keys.length - 1], value);
	}
	return root;
}
