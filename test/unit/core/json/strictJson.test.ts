import * as assert from 'node:assert/strict';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { JsonNumber } from '../../../../src/core/json/jsonValue';
import { stringifyStrict } from '../../../../src/core/json/strictJson';

describe('stringifyStrict', () => {
	it('writes non-finite numbers as strings so that any JSON parser reads the output', () => {
		const text = stringifyStrict({ loss: NaN, best: Infinity, worst: -Infinity, ok: 0.5 });
		assert.equal(text, '{"loss":"NaN","best":"Infinity","worst":"-Infinity","ok":0.5}');
		assert.deepEqual(JSON.parse(text), { loss: 'NaN', best: 'Infinity', worst: '-Infinity', ok: 0.5 });
	});

	it('writes a parsed document (Maps and JsonNumbers) as RFC 8259 JSON in key order', () => {
		const parsed = parseLenient('{"z": 1, "best_metrics": {"val_loss": 0.66, "val_iou": NaN}, "lr": 1e-05, "t": 5.0, "big": 1e999, "a": [Infinity, null]}');
		assert.ok(parsed.ok);
		assert.equal(stringifyStrict(parsed.value), '{"z":1,"best_metrics":{"val_loss":0.66,"val_iou":"NaN"},"lr":0.00001,"t":5,"big":"Infinity","a":["Infinity",null]}');
	});

	it('indents when asked, and handles Maps nested in plain values', () => {
		const value = { runs: [new Map<string, unknown>([['__proto__', new JsonNumber('-Infinity')], ['id', 'a']])] };
		assert.equal(stringifyStrict(value, 2), '{\n  "runs": [\n    {\n      "__proto__": "-Infinity",\n      "id": "a"\n    }\n  ]\n}');
	});

	it('follows JSON.stringify for the rest: toJSON, skipped undefined, top-level undefined as null', () => {
		assert.equal(stringifyStrict({ at: new Date(0), gone: undefined }), '{"at":"1970-01-01T00:00:00.000Z"}');
		assert.equal(stringifyStrict(undefined), 'null');
		assert.throws(() => stringifyStrict({ n: 1n }), TypeError);
	});
});
