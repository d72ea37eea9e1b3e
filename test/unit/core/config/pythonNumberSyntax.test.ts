import * as assert from 'node:assert/strict';
import { isPythonFloatText, isPythonIntText, parsePythonInt } from '../../../../src/core/config/pythonNumberSyntax';

// [text, int(text) succeeds, float(text) succeeds], as CPython 3.11 answers.
const cases: Array<[string, boolean, boolean]> = [
	['1_000', true, true], [' 12 ', true, true], ['\u20281\u2028', true, true], ['１２', true, true], ['١٢٣', true, true],
	['\x851', true, true], ['\x0b1\x0c', true, true], ['\xa01\u3000', true, true], ['0_0', true, true], ['00', true, true],
	['-1_0', true, true], ['1__0', false, false], ['_1', false, false], ['1_', false, false], ['1.5_5', false, true],
	['5.e3', false, true], ['.e3', false, false], ['infinity', false, true], ['-iNf', false, true], ['nan', false, true],
	['+nan', false, true], ['1e1_0', false, true], ['0x10', false, false], ['１.５', false, true], ['1\x00', false, false],
	['1e', false, false], ['1.', false, true], ['.', false, false], ['1_.5', false, false], ['1._5', false, false],
	['1e_1', false, false], ['_nan', false, false], ['1.5e+1_0', false, true], ['+_1', false, false], ['1 0', false, false],
	['+ 1', false, false], ['\t-1e5\n', false, true], ['.5_5', false, true], ['0_.5', false, false], ['1_0.5', false, true],
	['\x1c1', false, false], ['1\x7f', false, false], ['\u180e1', false, false], ['1j', false, false], ['', false, false],
];

describe('Python int()/float() acceptance', () => {
	it('accepts exactly the strings CPython parses (underscores, Unicode digits and spaces, inf/nan)', () => {
		for (const [text, isInt, isFloat] of cases) {
			assert.equal(isPythonIntText(text), isInt, `int(${JSON.stringify(text)})`);
			assert.equal(isPythonFloatText(text), isFloat, `float(${JSON.stringify(text)})`);
		}
	});

	it('reads ASCII list indices exactly, beyond 2^53 too', () => {
		assert.equal(parsePythonInt(' +1_0 '), 10n);
		assert.equal(parsePythonInt('-0'), 0n);
		assert.equal(parsePythonInt('123456789012345678901'), 123456789012345678901n);
		assert.equal(parsePythonInt('1.0'), undefined);
		assert.equal(parsePythonInt('x'), undefined);
	});
});
