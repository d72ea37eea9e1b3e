/**
 * Timestamps as CrackSeg writes them: `datetime.now().isoformat()` is naive local time
 * (no UTC offset); we always write the 6 fraction digits (Python omits them only when the
 * microseconds are exactly 0).
 */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Wall-clock time in epoch milliseconds with microsecond resolution. */
function nowMicros(): number {
	return performance.timeOrigin + performance.now();
}

/** Naive local ISO time with microseconds, e.g. `2026-12-04T15:29:27.148886`. */
export function pythonIsoNow(epochMs: number = nowMicros()): string {
	const date = new Date(Math.floor(epochMs));
	const micros = Math.floor((epochMs - Math.floor(epochMs / 1000) * 1000) * 1000) % 1_000_000;
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(micros, 6)}`;
}

/** ExperimentManager's run-id timestamp: local `%Y%m%d-%H%M%S`, e.g. `20261204-152927`. */
export function managerTimestamp(date: Date = new Date()): string {
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * Parses a naive ISO time (with or without fraction) as local time; undefined for `""`
 * or anything else. Used for elapsed time and ETA; the text itself is what gets shown.
 */
export function parsePythonIso(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
	if (!match) {
		const parsed = text ? Date.parse(text) : Number.NaN;
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	const [, year, month, day, hour, minute, second, fraction = '0'] = match;
	const ms = Number(fraction.padEnd(6, '0')) / 1000;
	return new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)).getTime() + ms;
}

const runIdTimePatterns = [/^(\d{4})(\d{2})(\d{2})[-_](\d{2})(\d{2})(\d{2})/, /^experiment_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})/];

/**
 * The time in a run id's `YYYYmmdd-HHMMSS` prefix as the naive ISO time Python writes
 * (`2026-12-04T15:29:27.000000`), taken from the digits themselves: a round trip through a
 * local `Date` would move a time in a daylight-saving gap and make the result depend on the
 * machine's time zone. Undefined when the id has no such prefix or it names no calendar time.
 */
export function runIdIsoTime(id: string): string | undefined {
	const match = runIdTimePatterns[0]!.exec(id) ?? runIdTimePatterns[1]!.exec(id);
	if (!match) {
		return undefined;
	}
	const [, year, month, day, hour, minute, second] = match as unknown as [string, string, string, string, string, string, string];
	const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)));
	if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || check.getUTCHours() !== Number(hour) || check.getUTCMinutes() !== Number(minute) || check.getUTCSeconds() !== Number(second)) {
		return undefined;
	}
	return `${year}-${month}-${day}T${hour}:${minute}:${second}.000000`;
}

/** The time encoded in a run id's `YYYYmmdd-HHMMSS` prefix (ExperimentManager's layout), if any. */
export function parseRunIdTime(id: string): number | undefined {
	const match = runIdTimePatterns[0]!.exec(id) ?? runIdTimePatterns[1]!.exec(id);
	if (!match) {
		return undefined;
	}
	const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
	const time = new Date(year!, month! - 1, day!, hour!, minute!, second!).getTime();
	return Number.isNaN(time) ? undefined : time;
}
