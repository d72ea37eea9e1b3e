import { setOwn } from './jsonText';

/** A scalar JSON value found by {@link scanJsonHead} (`NaN`/`Infinity` as JS numbers). */
export type HeadScalar = string | number | boolean | null;

interface Frame {
	readonly object: boolean;
	key?: string;
}

const scalarToken = /^(?:-?Infinity|NaN|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/;
/** {@link scalarToken} anchored at `lastIndex` of the whole text: measures a token without slicing it out. */
const scalarAt = /-?Infinity|NaN|true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Tokens are matched within 64 characters: a longer one is measured the slow way, as a cut token. */
const tokenWindow = 64;
const whitespace = /\s/;

/**
 * Collects the scalar values of the object keys that a JSON document's first bytes already
 * hold, without parsing the rest: `{"a": 1, "b": {"c": "x"` gives `a → 1`, `b.c → "x"`.
 * Paths join keys with `.`; only values nested in objects (no arrays) up to `maxDepth` levels
 * are kept. Scanning stops at the first token the text cuts (or a malformed one), so a value
 * is only reported when complete. Python writes `experiment_start` and `total_epochs` first in
 * summary.json, which is what makes a head read enough. One pass over character codes: this
 * runs on the summaries of thousands of runs at every cold load.
 */
export function scanJsonHead(text: string, maxDepth = 2): Map<string, HeadScalar> {
	const found = new Map<string, HeadScalar>();
	const frames: Frame[] = [];
	let expectKey = false;
	const record = (value: HeadScalar): void => {
		if (frames.length === 0 || frames.length > maxDepth) {
			return;
		}
		let dotted = '';
		for (const frame of frames) {
			if (!frame.object || frame.key === undefined) {
				return;
			}
			dotted = dotted === '' ? frame.key : `${dotted}.${frame.key}`;
		}
		found.set(dotted, value);
	};
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x7b || code === 0x5b) {
			frames.push({ object: code === 0x7b });
			expectKey = code === 0x7b;
		} else if (code === 0x7d || code === 0x5d) {
			frames.pop();
			expectKey = false;
		} else if (code === 0x2c) {
			expectKey = frames.at(-1)?.object ?? false;
		} else if (code === 0x22) {
			const end = stringEnd(text, index);
			// Deeper than maxDepth a string is never reported: only whether it is valid matters.
			const deep = frames.length > maxDepth;
			const value = end === -1 ? undefined : deep ? (isValidString(text, index, end) ? '' : undefined) : decodeString(text, index, end);
			if (value === undefined) {
				break;
			}
			if (expectKey && frames.length > 0) {
				frames[frames.length - 1]!.key = value;
				expectKey = false;
			} else if (!deep) {
				record(value);
			}
			index = end;
		} else if (!isSeparator(code, text, index)) {
			const length = tokenLength(text, index);
			if (length === 0 || index + length >= text.length) {
				break;
			}
			if (frames.length <= maxDepth) {
				record(scalarValue(text.slice(index, index + length)));
			}
			index += length - 1;
		}
	}
	return found;
}

/** Whitespace (as `\s` has it, Unicode spaces included) or a colon. */
function isSeparator(code: number, text: string, index: number): boolean {
	if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x3a) {
		return true;
	}
	return code > 0x7f || code === 0x0b || code === 0x0c ? whitespace.test(text[index]!) : false;
}

/** Index of the quote that closes the string opened at `start`, or -1 when the text cuts it. */
function stringEnd(text: string, start: number): number {
	for (let close = text.indexOf('"', start + 1); close !== -1; close = text.indexOf('"', close + 1)) {
		let slashes = 0;
		for (let at = close - 1; text.charCodeAt(at) === 0x5c; at--) {
			slashes++;
		}
		if (slashes % 2 === 0) {
			return close;
		}
	}
	return -1;
}

/** Length of the scalar token at `index` (0 when there is none), as {@link scalarToken} finds it within 64 characters. */
function tokenLength(text: string, index: number): number {
	scalarAt.lastIndex = index;
	if (!scalarAt.test(text)) {
		return 0;
	}
	const length = scalarAt.lastIndex - index;
	return length < tokenWindow ? length : scalarToken.exec(text.slice(index, index + tokenWindow))?.[0].length ?? 0;
}

/** Whether the literal from `start` to `end` holds escapes or control characters (then only JSON.parse can judge it). */
function needsDecoding(text: string, start: number, end: number): boolean {
	for (let index = start + 1; index < end; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code === 0x5c) {
			return true;
		}
	}
	return false;
}

/** The string literal from `start` to `end` (its quotes), decoded as JSON does; `undefined` if JSON refuses it. */
function decodeString(text: string, start: number, end: number): string | undefined {
	if (!needsDecoding(text, start, end)) {
		return text.slice(start + 1, end);
	}
	try {
		return JSON.parse(text.slice(start, end + 1)) as string;
	} catch {
		return undefined;
	}
}

/** Whether JSON accepts the literal from `start` to `end`, without decoding it when it is plain. */
function isValidString(text: string, start: number, end: number): boolean {
	return !needsDecoding(text, start, end) || decodeString(text, start, end) !== undefined;
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
				put(target, key, {});
			}
			target = target[key] as Record<string, unknown>;
		}
		put(target, keys[keys.length - 1]!, value);
	}
	return root;
}

/** An own data property: plain assignment, except for `__proto__`, which must stay data (see setOwn). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__') {
		setOwn(target, key, value);
	} else {
		target[key] = value;
	}
}
