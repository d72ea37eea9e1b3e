import * as assert from 'node:assert/strict';
import { parsePythonNumberLiteral, pythonFloatRepr, pythonNumber } from '../../../../src/core/json/pythonFloat';
import { pythonReadInput, runPython } from './runPython';
import { seededRandom } from './seededRandom';

function fromBits(bits: bigint): number {
	const view = new DataView(new ArrayBuffer(8));
	view.setBigUint64(0, BigInt.asUintN(64, bits));
	return view.getFloat64(0);
}

function toBits(x: number): bigint {
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, x);
	return view.getBigUint64(0);
}

/** The double as Python's float.fromhex reads it. */
function toHex(x: number): string {
	if (!Number.isFinite(x)) {
		return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
	}
	const bits = toBits(x);
	const sign = bits >> 63n ? '-' : '';
	const exponent = Number((bits >> 52n) & 0x7ffn);
	const mantissa = (bits & 0xfffffffffffffn).toString(16).padStart(13, '0');
	return exponent === 0 ? `${sign}0x0.${mantissa}p-1022` : `${sign}0x1.${mantissa}p${exponent - 1023}`;
}

/** At least 2,000 doubles chosen to hit every branch of the repr: random bits, decades and their neighbours, notation boundaries, subnormals, integral floats. */
function sampleDoubles(): number[] {
	const random = seededRandom(42);
	const randomBits = () => (BigInt(Math.floor(random() * 2 ** 32)) << 32n) | BigInt(Math.floor(random() * 2 ** 32));
	const near = (x: number) => [-2n, -1n, 0n, 1n, 2n].map((step) => fromBits(toBits(x) + step));
	const values: number[] = [0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64];
	for (let index = 0; index < 800; index++) {
		values.push(fromBits(randomBits()));
	}
	for (let power = -30; power <= 30; power++) {
		values.push(...near(Number(`1e${power}`)), ...near(Number(`5e${power}`)), ...near(Number(`9.999999999999999e${power}`)));
	}
	for (const boundary of [1e-4, 1e-5, 0.00001234, 0.0001234, 1e15, 1e16, 1e17, 1234567890123456, Number('12345678901234567'), 9999999999999998, 1e22, 1e23, 1e300, 1e-300]) {
		values.push(...near(boundary));
	}
	for (let index = 0; index < 200; index++) {
		values.push(fromBits(randomBits() & 0xfffffffffffffn), Math.floor(random() * 10 ** (index % 22)), Math.round(random() * 1e6) / 1e3, random() / 10 ** (index % 12));
	}
	for (let power = 0; power < 70; power++) {
		values.push(2 ** power, 2 ** -power * 3);
	}
	return [...values, ...values.map((x) => -x)];
}

describe('pythonFloatRepr', function () {
	this.timeout(60_000);

	it('spells the spec\'s examples as Python does', () => {
		const cases: Array<[number, string]> = [
			[1e-5, '1e-05'], [0.0001, '0.0001'], [1e16, '1e+16'], [1234567890123456, '1234567890123456.0'], [1.5e300, '1.5e+300'],
			[5, '5.0'], [-0, '-0.0'], [0, '0.0'], [0.1, '0.1'], [123.456, '123.456'], [Number('23.540176391601562'), '23.540176391601562'],
			[1e22, '1e+22'], [5e-324, '5e-324'], [-2.5e-7, '-2.5e-07'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'],
		];
		for (const [value, expected] of cases) {
			assert.equal(pythonFloatRepr(value), expected, String(value));
		}
	});

	it('matches python3 repr(float) on more than 2,000 varied doubles', async () => {
		const values = sampleDoubles();
		assert.ok(values.length >= 2000, `${values.length} doubles`);
		const script = pythonReadInput + 'print(json.dumps([json.dumps(float.fromhex(h)) for h in cases]))';
		const expected = await runPython(script, values.map(toHex)) as string[];
		const mismatches = values.flatMap((value, index) => pythonFloatRepr(value) === expected[index] ? [] : [`${toHex(value)}: ours ${pythonFloatRepr(value)}, python ${expected[index]}`]);
		assert.deepEqual(mismatches, []);
		for (const value of values.filter(Number.isFinite)) {
			assert.ok(Object.is(Number(pythonFloatRepr(value)), value), `${pythonFloatRepr(value)} reads back as ${value}`);
		}
	});
});

describe('pythonNumber', () => {
	it('writes ints without a fraction and floats as repr', () => {
		assert.equal(pythonNumber(5, 'int').text, '5');
		assert.equal(pythonNumber(-0, 'int').text, '0');
		assert.equal(pythonNumber(5, 'float').text, '5.0');
		assert.equal(pythonNumber(1e-5, 'float').text, '1e-05');
		assert.equal(pythonNumber(NaN, 'float').text, 'NaN');
		assert.equal(pythonNumber(Number.MAX_SAFE_INTEGER, 'int').text, '9007199254740991');
	});

	it('refuses an int that is not a safe integer', () => {
		for (const value of [1.5, 2 ** 53, NaN, Infinity]) {
			assert.throws(() => pythonNumber(value, 'int'), RangeError, String(value));
		}
	});
});

describe('parsePythonNumberLiteral', function () {
	this.timeout(60_000);

	it('reads what a user types into the token Python would write', () => {
		const cases: Array<[string, string | undefined]> = [
			['3', '3'], ['3.0', '3.0'], ['1e-5', '1e-05'], ['-007', '-7'], ['-0', '0'], ['nan', 'NaN'], ['NaN', 'NaN'], ['inf', 'Infinity'],
			['-inf', '-Infinity'], ['Infinity', 'Infinity'], ['1E5', '100000.0'], ['.5', '0.5'], ['2.', '2.0'], [' 42 ', '42'],
			['123456789012345678901234567890', '123456789012345678901234567890'], ['1e999', 'Infinity'],
			['', undefined], ['abc', undefined], ['0x10', undefined], ['1,5', undefined], ['1e', undefined], ['--1', undefined], ['1_000', undefined], ['1 2', undefined],
		];
		for (const [input, expected] of cases) {
			assert.equal(parsePythonNumberLiteral(input)?.text, expected, JSON.stringify(input));
		}
		assert.equal(parsePythonNumberLiteral('3')?.isInteger, true);
		assert.equal(parsePythonNumberLiteral('3.0')?.isInteger, false);
	});

	it('agrees with Python\'s int() then float() followed by json.dumps', async () => {
		const literals = [
			'0', '-0', '+5', '0007', '3.0', '3.', '.25', '+.5e-3', '-1.5E+10', '1e-5', '1e16', '1e15', '0.0001', '0.00001', '1e999', '-1e999', '1e-400',
			'nan', '-nan', '+NaN', 'nAn', 'inf', '+inf', '-Inf', 'infinity', '-INFINITY', ' 12 ', '\t7.5\n', '5e', 'e5', '', ' ', '0x10', '1,5', 'abc', '--1',
			'1e5.5', 'infinityx', 'in f', '1.2.3', '9007199254740993', '9007199254740993.0', '0.1', '2.5e-08', '123456.789e3',
		];
		const script = pythonReadInput + [
			'def convert(text):',
			'    for kind in (int, float):',
			'        try:',
			'            return json.dumps(kind(text))',
			'        except ValueError:',
			'            pass',
			'    return None',
			'print(json.dumps([convert(text) for text in cases]))',
		].join('\n');
		const expected = await runPython(script, literals) as Array<string | null>;
		literals.forEach((literal, index) => {
			assert.equal(parsePythonNumberLiteral(literal)?.text ?? null, expected[index], JSON.stringify(literal));
		});
	});
});
