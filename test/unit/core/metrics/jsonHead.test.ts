import * as assert from 'node:assert/strict';
import { headToObject, scanJsonHead } from '../../../../src/core/metrics/jsonHead';

describe('scanJsonHead', () => {
	it('reads the first top-level scalars of an indented summary.json cut mid-history', () => {
		const head = '{\n  "experiment_start": "2026-12-04T15:29:27.1",\n  "total_epochs": 12,\n  "best_metrics": {\n    "loss": {\n      "value": 0.38,\n      "epo';
		const found = scanJsonHead(head);
		assert.deepEqual([...found], [['experiment_start', '2026-12-04T15:29:27.1'], ['total_epochs', 12]]);
	});

	it('reads second-level scalars and skips arrays and deeper levels', () => {
		const text = '{"experiment_info": {"directory": "a\\\\b \\"q\\"", "start_time": "t", "total_epochs": 7}, "list": [1, {"x": 2}], "best": {"iou": {"value": NaN}}, "after": -Infinity, "z": 1}';
		assert.deepEqual(headToObject(scanJsonHead(text)), { experiment_info: { directory: 'a\\b "q"', start_time: 't', total_epochs: 7 }, after: Number.NEGATIVE_INFINITY, z: 1 });
	});

	it('never reports a value the text cuts', () => {
		assert.deepEqual([...scanJsonHead('{"a": "complete", "total_epochs": 1')], [['a', 'complete']]);
		assert.deepEqual([...scanJsonHead('{"a": "incompl')], []);
	});

	it('keeps a __proto__ key as data', () => {
		const object = headToObject(scanJsonHead('{"__proto__": {"polluted": 1}, "__proto__.x": 2}'));
		assert.equal(Object.getPrototypeOf(object), Object.prototype);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
	});
});
