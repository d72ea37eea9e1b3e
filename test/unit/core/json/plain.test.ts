import * as assert from 'node:assert/strict';
import { type JsonNode, type JsonObject, JsonNumber } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { fromPlain, getArray, getBoolean, getNumber, getObject, getString, toPlain } from '../../../../src/core/json/plain';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';

function parse(text: string): JsonNode {
	const result = parseLenient(text);
	assert.ok(result.ok);
	return result.value;
}

describe('toPlain', () => {
	it('turns a document into plain JS values in key order, non-finite numbers included', () => {
		const plain = toPlain(parse('{"b": [1, 2.5, NaN, -Infinity, "x", null, true], "a": {"c": {}}, "z": -0.0}')) as Record<string, unknown>;
		assert.deepEqual(plain, { b: [1, 2.5, NaN, -Infinity, 'x', null, true], a: { c: {} }, z: -0 });
		assert.deepEqual(Object.keys(plain), ['b', 'a', 'z']);
		assert.ok(Object.is(plain.z, -0));
	});

	it('makes a "__proto__" key an own property and never touches the prototype', () => {
		const plain = toPlain(parse('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, unknown>;
		assert.equal(Object.getPrototypeOf(plain), Object.prototype);
		assert.deepEqual(Object.keys(plain), ['__proto__', 'a']);
		assert.equal(({} as Record<string, unknown>).polluted, undefined);
		assert.equal((plain as { polluted?: unknown }).polluted, undefined);
		assert.equal(JSON.stringify(plain), '{"__proto__":{"polluted":true},"a":1}');
	});
});

describe('fromPlain', () => {
	it('writes safe integers as int tokens and other numbers as Python float reprs', () => {
		const node = fromPlain({ epochs: 3, lr: 0.001, tiny: 1e-5, big: 2 ** 60, nan: NaN, inf: -Infinity, minusZero: -0, fraction: 5.5 });
		assert.equal(dumpPythonJson(node), '{\n  "epochs": 3,\n  "lr": 0.001,\n  "tiny": 1e-05,\n  "big": 1.152921504606847e+18,\n  "nan": NaN,\n  "inf": -Infinity,\n  "minusZero": 0,\n  "fraction": 5.5\n}');
	});

	it('keeps key order, JsonNumber tokens, Maps and nested arrays, and skips undefined properties', () => {
		const node = fromPlain({ z: [null, true, 'ñ', [new JsonNumber('5.0')]], a: new Map<string, unknown>([['k', { x: undefined, y: 1 }]]), skipped: undefined });
		assert.equal(dumpPythonJson(node), '{\n  "z": [\n    null,\n    true,\n    "\\u00f1",\n    [\n      5.0\n    ]\n  ],\n  "a": {\n    "k": {\n      "y": 1\n    }\n  }\n}');
	});

	it('accepts objects without a prototype and keeps an own "__proto__" key', () => {
		const bare = Object.create(null) as Record<string, unknown>;
		bare.k = 'v';
		assert.equal(dumpPythonJson(fromPlain(bare)), '{\n  "k": "v"\n}');
		const withProto = JSON.parse('{"__proto__": 1}') as unknown;
		assert.deepEqual([...(fromPlain(withProto) as JsonObject).keys()], ['__proto__']);
	});

	it('refuses values JSON cannot hold, naming where they are', () => {
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		const cases: Array<[unknown, RegExp]> = [
			[{ a: [() => 1] }, /function at '\/a\/0'/],
			[[Symbol('s')], /symbol/],
			[{ n: 10n }, /bigint at '\/n'/],
			[[undefined], /undefined at '\/0'/],
			[undefined, /undefined at '\/'/],
			[{ when: new Date(0) }, /\[object Date\] at '\/when'/],
			[new Map<unknown, unknown>([[1, 'x']]), /number key/],
			[cyclic, /cyclic structure at '\/self'/],
		];
		for (const [value, message] of cases) {
			assert.throws(() => fromPlain(value), (error: unknown) => error instanceof TypeError && message.test(error.message));
		}
		const shared = { x: 1 };
		assert.doesNotThrow(() => fromPlain([shared, shared]), 'the same object twice is not a cycle');
	});
});

describe('typed accessors', () => {
	const object = parse('{"s": "text", "n": 1.5, "nan": NaN, "b": false, "a": [1], "o": {"k": 1}, "null": null}') as JsonObject;

	it('return the value when it has the expected type', () => {
		assert.equal(getString(object, 's'), 'text');
		assert.equal(getNumber(object, 'n'), 1.5);
		assert.ok(Number.isNaN(getNumber(object, 'nan')));
		assert.equal(getBoolean(object, 'b'), false);
		assert.equal(getArray(object, 'a')?.length, 1);
		assert.equal(getObject(object, 'o')?.size, 1);
	});

	it('return undefined for a missing key or another type', () => {
		for (const key of ['missing', 's', 'n', 'b', 'a', 'o', 'null']) {
			const values = [getString(object, key), getNumber(object, key), getBoolean(object, key), getArray(object, key), getObject(object, key)];
			assert.equal(values.filter((value) => value !== undefined).length, ['missing', 'null'].includes(key) ? 0 : 1, key);
		}
	});
});
