import * as assert from 'node:assert/strict';
import { runIdentityFromFolder } from '../../../../src/core/runs/runIdentity';

describe('a run\'s identity from its folder name', () => {
	const savedZone = process.env.TZ;
	afterEach(() => {
		if (savedZone === undefined) {
			delete process.env.TZ;
		} else {
			process.env.TZ = savedZone;
		}
	});

	it('takes the creation time from the id\'s digits, the same in every time zone', () => {
		// 02:30 on 8 March 2026 does not exist in New York (clocks jump from 02:00 to 03:00).
		for (const zone of ['America/New_York', 'UTC', 'Asia/Kolkata']) {
			process.env.TZ = zone;
			assert.deepEqual(runIdentityFromFolder('/ws/artifacts/experiments/20260308-023000-unet_v2', undefined), { id: '20260308-023000-unet_v2', name: 'unet_v2', createdAt: '2026-03-08T02:30:00.000000' }, zone);
			assert.equal(runIdentityFromFolder('/ws/artifacts/experiment_20261204_152927', undefined).createdAt, '2026-12-04T15:29:27.000000', zone);
		}
	});

	it('gives no creation time for digits that name no calendar time, and prefers the info file\'s', () => {
		assert.equal(runIdentityFromFolder('/ws/e/20261340-250000-bad', undefined).createdAt, '');
		assert.equal(runIdentityFromFolder('/ws/e/20260230-120000-feb30', undefined).createdAt, '');
		assert.equal(runIdentityFromFolder('/ws/e/my-run', undefined).createdAt, '');
		assert.equal(runIdentityFromFolder('/ws/e/20261204-152927-x', { created_at: '2026-12-04T15:29:27.571979' } as never).createdAt, '2026-12-04T15:29:27.571979');
	});
});
