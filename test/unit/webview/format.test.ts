import * as assert from 'node:assert/strict';
import { formatLinearTicks, formatLogTicks, formatValue } from '../../../src/webview/chart/format';

describe('chart number formatting', () => {
	it('writes values compactly in four significant digits', () => {
		assert.equal(formatValue(0.66123), '0.6612');
		assert.equal(formatValue(0.5), '0.5');
		assert.equal(formatValue(12), '12');
		assert.equal(formatValue(1234.5), '1235');
		assert.equal(formatValue(12_345), '12.35k');
		assert.equal(formatValue(12_000), '12k');
		assert.equal(formatValue(-3_400_000), '-3.4M');
		assert.equal(formatValue(0.0001), '1e-4');
		assert.equal(formatValue(0.000153), '1.53e-4');
		assert.equal(formatValue(0), '0');
	});

	it('names the values a chart cannot draw', () => {
		assert.equal(formatValue(NaN), 'NaN');
		assert.equal(formatValue(Infinity), '∞');
		assert.equal(formatValue(-Infinity), '-∞');
	});

	it('labels linear ticks with the decimals the step needs', () => {
		assert.deepEqual(formatLinearTicks([0, 0.5, 1, 1.5], 0.5), ['0', '0.5', '1.0', '1.5']);
		assert.deepEqual(formatLinearTicks([0.6612, 0.6614, 0.6616], 0.0002), ['0.6612', '0.6614', '0.6616']);
		assert.deepEqual(formatLinearTicks([-10, 0, 10], 10), ['-10', '0', '10']);
	});

	it('labels large linear ticks with k and tiny ones with exponents, consistently', () => {
		assert.deepEqual(formatLinearTicks([0, 5000, 10_000, 15_000], 5000), ['0', '5k', '10k', '15k']);
		assert.deepEqual(formatLinearTicks([12_000, 12_500], 500), ['12.0k', '12.5k']);
		assert.deepEqual(formatLinearTicks([0, 0.0001, 0.0002], 0.0001), ['0', '1e-4', '2e-4']);
		assert.deepEqual(formatLinearTicks([0.0001, 0.00015], 0.00005), ['1e-4', '1.5e-4']);
	});

	it('writes a tick that is zero up to rounding as 0', () => {
		assert.deepEqual(formatLinearTicks([-0.1, 0.1 - 0.1 + 1e-17, 0.1], 0.1), ['-0.1', '0', '0.1']);
	});

	it('labels log ticks across many decades', () => {
		assert.deepEqual(formatLogTicks([1e-5, 0.001, 0.1, 10, 1000, 100_000]), ['1e-5', '0.001', '0.1', '10', '1000', '100k']);
	});
});
