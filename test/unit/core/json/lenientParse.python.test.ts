import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type JsonNode, JsonNumber } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { pythonFloatRepr } from '../../../../src/core/json/pythonFloat';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';
import { completedTrackerFixture, pythonReadInput, runPython } from './runPython';
import { seededRandom } from './seededRandom';

/** Rewrites number tokens the way Python re-serializes them after loading (`1E5` → `100000.0`, `-0` → `0`). */
function canonicalNumbers(node: JsonNode): JsonNode {
	if (node instanceof JsonNumber) {
		return new JsonNumber(node.isInteger ? BigInt(node.text).toString() : pythonFloatRepr(node.value));
	}
	if (Array.isArray(node)) {
		return node.map(canonicalNumbers);
	}
	if (node instanceof Map) {
		return new Map([...node].map(([key, value]) => [key, canonicalNumbers(value)]));
	}
	return node;
}

const edgeCases = [
	'[]', '{}', '[ ]', '{ }', '\t[1]\r\n', '""', '{"": 1}', '[-0, -0.0, 0e0, 1.0e+5, 1E-7, 12345678901234567890]',
	'"\u2028\u2029"', '"\u007f"', '\u00a0[1]', '[1,,2]', '[,1]', '{,}', '{"a":1,,"b":2}', '{"a":1 "b":2}', '"\\u00"', '"\\"',
	'"\\\\"', '[\n]', 'true false', 'truefalse', '[true,false,null]', '[True]', 'nul', '[NaN, Infinity, -Infinity]', '[-Infinity1]',
	'[+1]', '[.5]', '[1.5e]', '[0x10]', '[1_000]', '[01.5]', '["\\ud800\\udc00", "\\udc00\\ud800"]', '{"a": {"a": {"a": []}}}',
	'"\u0000"', '"\\u0000"', '["\u001f"]', '[1]]', '[[1]', '{"a": [}', '{"a": }', '{"a"}', '{1: 2}', '[null,]', '"\\a"',
	'{"k": 1, "k": NaN, "k": [1, {"k": 2, "k": 3}]}', '-', '--1', '-01', '1e', '1e+', '1e05', '1E+05', '0.000001', '123456789.123456789',
];

function mutations(text: string, count: number): string[] {
	const random = seededRandom(20261204);
	const alphabet = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', '5', '-', '.', 'e', 'E', '+', 'n', 't', 'N', 'I', '\n', '\t', '\u0001', 'x', 'é', '/'];
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	return Array.from({ length: count }, () => {
		let mutated = text;
		for (let edits = 1 + Math.floor(random() * 2); edits > 0; edits--) {
			const at = Math.floor(random() * mutated.length);
			const kind = pick(['delete', 'insert', 'replace'] as const);
			const head = mutated.slice(0, at);
			mutated = kind === 'delete' ? head + mutated.slice(at + 1) : head + pick(alphabet) + mutated.slice(kind === 'insert' ? at : at + 1);
		}
		return mutated;
	});
}

describe('parseLenient against Python json.loads', function () {
	this.timeout(60_000);

	it('accepts and rejects exactly what Python accepts, and reads the same document', async () => {
		const tracker = readFileSync(completedTrackerFixture, 'utf8');
		const diverged = '{\n  "best_metrics": {\n    "val_loss": 0.66,\n    "val_iou": NaN,\n    "lr": 1e-05,\n    "x": -Infinity\n  }\n}';
		const prefixes = [...diverged].map((_, index) => diverged.slice(0, index));
		const cases = [...edgeCases, ...prefixes, ...mutations(tracker, 1500), ...mutations(diverged, 500)];
		const script = pythonReadInput + [
			'out = []',
			'for text in cases:',
			'    try:',
			'        out.append(json.dumps(json.loads(text), indent=2))',
			'    except ValueError:',
			'        out.append(None)',
			'print(json.dumps(out))',
		].join('\n');
		const expected = await runPython(script, cases) as Array<string | null>;
		const mismatches: string[] = [];
		let accepted = 0;
		cases.forEach((text, index) => {
			const result = parseLenient(text);
			const ours = result.ok ? dumpPythonJson(canonicalNumbers(result.value)) : null;
			accepted += ours === null ? 0 : 1;
			if (ours !== expected[index]) {
				mismatches.push(`${JSON.stringify(text)}: python ${expected[index] === null ? 'rejects' : 'accepts'}, we ${result.ok ? 'accept' : `reject (${result.error.message})`}`);
			}
		});
		assert.deepEqual(mismatches, []);
		assert.ok(accepted > 100 && accepted < cases.length - 500, `a useful mix of valid and invalid inputs (${accepted} of ${cases.length} valid)`);
	});
});
