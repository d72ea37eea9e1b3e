import * as assert from 'node:assert/strict';
import { linearScale, logScale, padDomain } from '../../../src/webview/chart/scale';
import { integerTicks, linearTicks, logTicks, powerOfTen } from '../../../src/webview/chart/ticks';

describe('scales', () => {
	it('maps a linear domain onto a reversed pixel range and back', () => {
		const scale = linearScale([0, 2], [200, 0]);
		assert.equal(scale.toPixel(0), 200);
		assert.equal(scale.toPixel(0.5), 150);
		assert.equal(scale.fromPixel(50), 1.5);
		assert.ok(Number.isNaN(scale.toPixel(NaN)));
	});

	it('maps a single-value domain to the middle of the range', () => {
		const scale = linearScale([3, 3], [0, 100]);
		assert.equal(scale.toPixel(3), 50);
		assert.equal(scale.fromPixel(80), 3);
	});

	it('spaces decades evenly on a log scale and has no place for zero or negatives', () => {
		const scale = logScale([0.001, 10], [400, 0]);
		assert.equal(scale.toPixel(0.001), 400);
		assert.ok(Math.abs(scale.toPixel(0.01) - 300) < 1e-9);
		assert.ok(Math.abs(scale.toPixel(1) - 100) < 1e-9);
		assert.ok(Math.abs(scale.fromPixel(200) - 0.1) < 1e-12);
		assert.ok(Number.isNaN(scale.toPixel(0)));
		assert.ok(Number.isNaN(scale.toPixel(-2)));
	});

	it('pads a domain, and gives a single value or a zero room around it', () => {
		assert.deepEqual(padDomain(0, 10, 0.05), [-0.5, 10.5]);
		assert.deepEqual(padDomain(5, 5, 0.05), [4.5, 5.5]);
		assert.deepEqual(padDomain(0, 0, 0.05), [-1, 1]);
		const [lo, hi] = padDomain(1, 1 + 1e-15, 0.05);
		assert.ok(lo < 1 && hi > 1 + 1e-15 && hi - lo > 0.1);
	});
});

describe('ticks', () => {
	it('gives nice 1-2-5 linear ticks whose ends cover the data', () => {
		const ticks = linearTicks(0.12, 2.31, 5);
		assert.deepEqual(ticks.values, [0, 0.5, 1, 1.5, 2, 2.5]);
		assert.deepEqual(ticks.domain, [0, 2.5]);
		assert.equal(ticks.step, 0.5);
	});

	it('produces exact decimals, not 0.30000000000000004', () => {
		assert.deepEqual(linearTicks(0.1, 0.7, 6).values, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
		assert.deepEqual(linearTicks(-0.35, 0.05, 4).values, [-0.4, -0.3, -0.2, -0.1, 0, 0.1]);
	});

	it('resolves a tiny range around a large value', () => {
		const ticks = linearTicks(0.66118, 0.66131, 5);
		assert.ok(ticks.values.length >= 3 && ticks.values.length <= 7);
		assert.ok(ticks.domain[0] <= 0.66118 && ticks.domain[1] >= 0.66131);
		assert.equal(new Set(ticks.values).size, ticks.values.length);
	});

	it('ticks a padded single value', () => {
		const [lo, hi] = padDomain(0.42, 0.42, 0.05);
		const ticks = linearTicks(lo, hi, 5);
		assert.ok(ticks.domain[0] < 0.42 && ticks.domain[1] > 0.42);
	});

	it('puts epochs on whole numbers only, within the domain', () => {
		assert.deepEqual(integerTicks(1, 12, 6).values, [2, 4, 6, 8, 10, 12]);
		assert.deepEqual(integerTicks(0, 3, 10).values, [0, 1, 2, 3]);
		assert.deepEqual(integerTicks(1, 10_000, 5).values, [2000, 4000, 6000, 8000, 10_000]);
		assert.deepEqual(integerTicks(4, 6, 8).domain, [4, 6]);
	});

	it('gives log ticks on whole decades, with 2× and 5× when the span is short', () => {
		assert.deepEqual(logTicks(0.2, 0.6, 6), { domain: [0.1, 1], values: [0.1, 0.2, 0.5, 1], step: 0 });
		assert.deepEqual(logTicks(1e-5, 3, 6).values, [1e-5, 1e-4, 0.001, 0.01, 0.1, 1, 10]);
		assert.deepEqual(logTicks(1e-9, 1e3, 4).values, [1e-9, 1e-6, 0.001, 1, 1000]);
		assert.deepEqual(logTicks(1, 1, 5).domain, [1, 10]);
	});

	it('computes powers of ten exactly, also negative ones', () => {
		assert.equal(powerOfTen(-5), 0.00001);
		assert.equal(powerOfTen(-4, 2), 0.0002);
		assert.equal(powerOfTen(3, 5), 5000);
	});
});
