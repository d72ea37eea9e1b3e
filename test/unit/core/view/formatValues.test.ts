import * as assert from 'node:assert/strict';
import { formatAge, formatDate, formatDayLabel, formatDuration, formatDurationShort, formatMetric, formatTimestamp, truncate } from '../../../../src/core/view/formatValues';
import { day, hour, minute, nowMs } from './makeRun';

describe('view formatting: values', () => {
	it('formats metrics compactly, keeping NaN and infinities readable', () => {
		assert.equal(formatMetric(0.6134), '0.613');
		assert.equal(formatMetric(12.5), '12.5');
		assert.equal(formatMetric(0), '0');
		assert.equal(formatMetric(-0.25), '-0.25');
		assert.equal(formatMetric(Number.NaN), 'NaN');
		assert.equal(formatMetric(Number.POSITIVE_INFINITY), 'Infinity');
		assert.equal(formatMetric(Number.NEGATIVE_INFINITY), '-Infinity');
		assert.equal(formatMetric(0.000123), '1.23e-4');
		assert.equal(formatMetric(12345), '1.23e+4');
	});

	it('formats durations to the second, then minutes, then hours', () => {
		assert.equal(formatDuration(42_000), '42s');
		assert.equal(formatDuration(185_000), '3m 05s');
		assert.equal(formatDuration(2 * hour + 14 * minute + 20_000), '2h 14m');
		assert.equal(formatDuration(47 * hour), '47h 00m');
		assert.equal(formatDuration(3 * day + 4 * hour), '3d 4h');
		assert.equal(formatDuration(59_600), '1m 00s');
	});

	it('formats short durations for the status bar, rounded to the minute', () => {
		assert.equal(formatDurationShort(42_000), '42s');
		assert.equal(formatDurationShort(3 * minute + 40_000), '4m');
		assert.equal(formatDurationShort(2 * hour + 14 * minute), '2h 14m');
	});

	it('says how long ago, and gives the date after a week', () => {
		assert.equal(formatAge(nowMs - 20_000, nowMs), 'just now');
		assert.equal(formatAge(nowMs + 5 * minute, nowMs), 'just now', 'a writer clock ahead of ours');
		assert.equal(formatAge(nowMs - 5 * minute - 10_000, nowMs), '5 min ago');
		assert.equal(formatAge(nowMs - 3 * hour - 59 * minute, nowMs), '3 h ago');
		assert.equal(formatAge(nowMs - day - hour, nowMs), '1 day ago');
		assert.equal(formatAge(nowMs - 2 * day, nowMs), '2 days ago');
		assert.equal(formatAge(new Date(2026, 10, 20, 9, 0).getTime(), nowMs), '20 Nov 2026');
	});

	it('writes local dates with English names', () => {
		assert.equal(formatDate(new Date(2026, 10, 30, 23, 59).getTime()), '30 Nov 2026');
		assert.equal(formatDayLabel(new Date(2026, 10, 30, 0, 1).getTime()), 'Mon 30 Nov 2026');
	});

	it('shows CrackSeg timestamps to the second and leaves other text alone', () => {
		assert.equal(formatTimestamp('2026-12-04T15:29:27.148886'), '2026-12-04 15:29:27');
		assert.equal(formatTimestamp('2026-12-04T15:29:27'), '2026-12-04 15:29:27');
		assert.equal(formatTimestamp(''), '—');
		assert.equal(formatTimestamp('yesterday'), 'yesterday');
	});

	it('truncates by characters with an ellipsis, never splitting an emoji', () => {
		assert.equal(truncate('short', 24), 'short');
		assert.equal(truncate('abcdefghij', 5), 'abcd…');
		assert.equal(truncate('😀😀😀😀😀😀', 4), '😀😀😀…');
		assert.equal([...truncate('x'.repeat(100), 24)].length, 24);
	});
});
