import * as assert from 'node:assert/strict';
import { elapsedMs, etaMs, headlineMetric, isBetterMetric, isStale, progressPercent } from '../../../../src/core/progress/progress';
import { parsePythonIso } from '../../../../src/core/tracker/timestamps';

describe('progress figures (pure)', () => {
	it('computes percent only with a total', () => {
		assert.equal(progressPercent(4, 10), 40);
		assert.equal(progressPercent(12, 10), 100);
		assert.equal(progressPercent(4, 0), undefined);
		assert.equal(progressPercent(undefined, 10), undefined);
	});

	it('estimates time left from the pace of the last epochs', () => {
		const stamps = [
			{ epoch: 3, timestamp: '2026-12-04T10:00:00.000000' },
			{ epoch: 4, timestamp: '2026-12-04T10:01:00.000000' },
			{ epoch: 5, timestamp: '2026-12-04T10:02:00' },
		];
		assert.equal(etaMs(stamps, 5, 10), 5 * 60_000);
		assert.equal(etaMs(stamps, 10, 10), undefined, 'nothing left');
		assert.equal(etaMs([{ epoch: 2, timestamp: '2026-12-04T10:10:00.000000' }], 2, 4, '2026-12-04T10:00:00.000000'), 10 * 60_000, 'one stamp: pace since the start');
		assert.equal(etaMs([], 2, 4), undefined);
	});

	it('measures elapsed time between naive local timestamps', () => {
		assert.equal(elapsedMs('2026-12-04T10:00:00.000000', '2026-12-04T10:00:02.500000', 0), 2500);
		const start = parsePythonIso('2026-12-04T10:00:00.000000')!;
		assert.equal(elapsedMs('2026-12-04T10:00:00.000000', '', start + 1000), 1000);
		assert.equal(elapsedMs('', '', 0), undefined);
	});

	it('ranks metrics: loss lower is better, others higher, NaN never best', () => {
		assert.ok(isBetterMetric('val_loss', 0.2, 0.3));
		assert.ok(!isBetterMetric('val_loss', 0.4, 0.3));
		assert.ok(isBetterMetric('val_iou', 0.7, 0.6));
		assert.ok(!isBetterMetric('val_iou', Number.NaN, 0.1));
		assert.ok(isBetterMetric('val_iou', 0.1, Number.NaN));
		assert.ok(isBetterMetric('val_iou', 0.1, undefined));
	});

	it('picks validation IoU as the headline metric, skipping NaN', () => {
		assert.deepEqual(headlineMetric({ val_loss: 0.3, train_loss: 0.2, val_iou: 0.61 }), { name: 'val_iou', value: 0.61 });
		assert.deepEqual(headlineMetric({ val_iou: Number.NaN, val_loss: 0.66 }), { name: 'val_loss', value: 0.66 });
		assert.equal(headlineMetric({}), undefined);
	});

	it('calls a run stale only when it says running and nothing changed for the threshold', () => {
		const now = 1_000_000_000;
		assert.ok(isStale('running', now - 11 * 60_000, now, 10));
		assert.ok(!isStale('running', now - 9 * 60_000, now, 10));
		assert.ok(!isStale('completed', now - 60 * 60_000, now, 10));
	});
});
