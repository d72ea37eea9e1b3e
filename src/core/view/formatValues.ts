/**
 * Compact text for numbers, durations and times, shared by the tree, the status bar, the
 * notifications, the exports and the CLI. Pure: no I/O, no locale lookups (month and day
 * names are English, like the rest of the UI), local time zone for dates.
 */

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/**
 * A metric value in at most 3 significant digits: 0.6134 → `0.613`, 12.5 → `12.5`; values
 * of 1000 or more and below 0.001 (but not 0) in exponent form (`1.23e-4`); NaN and
 * ±Infinity as `NaN`, `Infinity`, `-Infinity`.
 */
export function formatMetric(value: number): string {
	if (!Number.isFinite(value)) {
		return String(value);
	}
	return Math.abs(value) >= 1000 || (Math.abs(value) < 0.001 && value !== 0) ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}

/** A duration in ms for people, to the second: `42s`, `3m 05s`, `2h 14m`, `3d 4h` (from 48 h on). */
export function formatDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) {
		return `${seconds}s`;
	}
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) {
		return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
	}
	const hours = Math.floor(minutes / 60);
	if (hours < 48) {
		return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
	}
	return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/**
 * A coarser duration for tight spaces (the status bar's ETA): `42s`, `3m` (rounded to the
 * minute), `2h 14m`, `3d 4h`.
 */
export function formatDurationShort(ms: number): string {
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) {
		return `${seconds}s`;
	}
	const minutes = Math.round(seconds / 60);
	return minutes < 60 ? `${minutes}m` : formatDuration(minutes * minuteMs);
}

/**
 * How long ago `thenMs` was at `nowMs` (both ms since the epoch): `just now` (under a
 * minute, or in the future: clocks of remote writers drift), `5 min ago`, `3 h ago`,
 * `1 day ago` … `7 days ago`, then the local date (`30 Nov 2026`).
 */
export function formatAge(thenMs: number, nowMs: number): string {
	const ageMs = nowMs - thenMs;
	if (ageMs < minuteMs) {
		return 'just now';
	}
	if (ageMs < hourMs) {
		return `${Math.floor(ageMs / minuteMs)} min ago`;
	}
	if (ageMs < dayMs) {
		return `${Math.floor(ageMs / hourMs)} h ago`;
	}
	const days = Math.floor(ageMs / dayMs);
	return days <= 7 ? `${days} day${days === 1 ? '' : 's'} ago` : formatDate(thenMs);
}

/** The local date of `ms`: `30 Nov 2026`. */
export function formatDate(ms: number): string {
	const date = new Date(ms);
	return `${date.getDate()} ${monthNames[date.getMonth()]} ${date.getFullYear()}`;
}

/** The local date of `ms` with its weekday: `Mon 30 Nov 2026`. */
export function formatDayLabel(ms: number): string {
	return `${weekdayNames[new Date(ms).getDay()]} ${formatDate(ms)}`;
}

/**
 * A naive ISO time as CrackSeg writes it, shown to the second: `2026-12-04T15:29:27.148886`
 * → `2026-12-04 15:29:27`. Other text is returned unchanged; `""` (never set) gives `—`.
 */
export function formatTimestamp(iso: string): string {
	if (!iso) {
		return '—';
	}
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?$/.exec(iso);
	return match ? `${match[1]} ${match[2]}` : iso;
}

/**
 * `text` cut to at most `maxLength` characters (code points, so no half emoji), the last one
 * being `…` when anything was cut.
 */
export function truncate(text: string, maxLength: number): string {
	const chars = [...text];
	return chars.length <= maxLength ? text : `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
