import * as assert from 'node:assert/strict';
import { resolveInterpolations } from '../../../../src/core/config/interpolate';
import { dumpYaml } from '../../../../src/core/config/yamlDump';
import { parseLenient } from '../../../../src/core/json/lenientParse';

/** Resolves a JSON config and returns its YAML dump, or the error text prefixed with `error: `. */
function resolveToYaml(jsonText: string): string {
	const parsed = parseLenient(jsonText);
	assert.ok(parsed.ok, `test input must parse: ${jsonText}`);
	const resolved = resolveInterpolations(parsed.value);
	return resolved.ok ? dumpYaml(resolved.value) : `error: ${resolved.error}`;
}

describe('resolveInterpolations (OmegaConf to_container(resolve=True))', () => {
	it('gives a whole-string interpolation the referenced value with its type', () => {
		assert.equal(resolveToYaml('{"t":{"lr":0.001,"n":null,"b":true,"i":12345678901234567890},"a":"${t.lr}","b":"${t.n}","c":"${t.b}","d":"${t.i}"}'),
			't:\n  lr: 0.001\n  \'n\': null\n  b: true\n  i: 12345678901234567890\na: 0.001\nb: null\nc: true\nd: 12345678901234567890\n');
	});

	it('copies a referenced mapping or list as a whole subtree', () => {
		assert.equal(resolveToYaml('{"opt":{"name":"adam","betas":[0.9,0.999]},"train":{"optimizer":"${opt}","b":"${opt.betas}"}}'),
			'opt:\n  name: adam\n  betas:\n  - 0.9\n  - 0.999\ntrain:\n  optimizer:\n    name: adam\n    betas:\n    - 0.9\n    - 0.999\n  b:\n  - 0.9\n  - 0.999\n');
	});

	it('writes values inside a longer string as Python\'s str() does', () => {
		assert.equal(resolveToYaml('{"lr":0.001,"eps":1e-05,"e":10,"n":null,"f":false,"x":NaN,'
			+ '"name":"lr_${lr}_eps_${eps}_e${e}_${n}_${f}_${x}","num":"${e}${e}"}'),
			'lr: 0.001\neps: 1.0e-05\ne: 10\n\'n\': null\nf: false\nx: .nan\nname: lr_0.001_eps_1e-05_e10_None_False_nan\nnum: \'1010\'\n');
	});

	it('resolves relative references from the interpolation\'s own mapping', () => {
		assert.equal(resolveToYaml('{"model":{"width":64,"head":{"in":"${..width}","out":"${.in}"}},"w":"${.model.width}"}'),
			'model:\n  width: 64\n  head:\n    in: 64\n    out: 64\nw: 64\n');
	});

	it('indexes lists with dots or brackets and follows chains and nested keys', () => {
		assert.equal(resolveToYaml('{"l":[10,{"k":"v"}],"a":"${l.0}","b":"${l[1].k}","c":"${b}","which":"k","d":"${l[1].${which}}"}'),
			'l:\n- 10\n- k: v\na: 10\nb: v\nc: v\nwhich: k\nd: v\n');
	});

	it('keeps an escaped \\${ literal and halves backslashes only before a real interpolation', () => {
		assert.equal(resolveToYaml('{"dir":"C:\\\\data","esc":"\\\\${dir}","path":"\\\\\\\\${dir}","plain":"a\\\\\\\\b"}'),
			'dir: C:\\data\nesc: ${dir}\npath: \\C:\\data\nplain: a\\\\b\n');
	});

	it('leaves the input untouched and strings without ${ as they are', () => {
		const parsed = parseLenient('{"a":"${b}","b":"$x {y} ???"}');
		assert.ok(parsed.ok);
		const resolved = resolveInterpolations(parsed.value);
		assert.ok(resolved.ok);
		assert.equal(dumpYaml(resolved.value), 'a: $x {y} ???\nb: $x {y} ???\n');
		assert.equal(dumpYaml(parsed.value), 'a: ${b}\nb: $x {y} ???\n');
	});

	it('returns errors for cycles, missing keys, missing values and bad syntax', () => {
		assert.match(resolveToYaml('{"a":"${b}","b":"${a}"}'), /^error: recursive interpolation/);
		assert.match(resolveToYaml('{"a":{"self":"${a}"}}'), /^error: .*refers back to itself/);
		assert.match(resolveToYaml('{"a":"${nope.x}"}'), /^error: \$\{nope\.x\}: key 'nope' not found/);
		assert.match(resolveToYaml('{"a":"${..x}","x":1}'), /^error: .*above the top/);
		assert.match(resolveToYaml('{"l":[1],"a":"${l.5}"}'), /^error: .*key '5' not found/);
		assert.match(resolveToYaml('{"l":[1],"a":"${l.x}"}'), /^error: .*not an int/);
		assert.match(resolveToYaml('{"m":"???","a":"${m}"}'), /^error: .*missing value '\?\?\?'/);
		assert.match(resolveToYaml('{"s":"text","a":"${s.x}"}'), /^error: .*not a mapping or list/);
		assert.match(resolveToYaml('{"a":"${b"}'), /^error: 'a': .*not a valid interpolation/);
		assert.match(resolveToYaml('{"a":"${b c}","b":1}'), /^error: 'a': .*not a valid interpolation/);
		assert.match(resolveToYaml('{"m":{"k":1},"a":"x_${m}"}'), /^error: .*whole mapping or list inside a longer string/);
	});

	it('reports resolvers such as now and oc.env as impossible to reproduce', () => {
		assert.match(resolveToYaml('{"run":"out/${now:%Y-%m-%d}"}'), /^error: 'run': it calls the resolver 'now'/);
		assert.match(resolveToYaml('{"home":"${oc.env:HOME,/tmp}"}'), /^error: 'home': it calls the resolver 'oc\.env'/);
	});
});
