import * as assert from 'node:assert/strict';
import { computeConfigHash, verifyConfigHash } from '../../../../src/core/config/configHash';
import { JsonNumber } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';

/** The config of CrackSeg's own tracker unit test (spec §2.2, test vector 1), as config.json would hold it. */
const sampleConfigJson = JSON.stringify({
	training: {
		epochs: 100, batch_size: 16, learning_rate: 0.001,
		optimizer: { _target_: 'torch.optim.Adam' }, loss: { _target_: 'src.training.losses.BCEDiceLoss' },
	},
	model: {
		_target_: 'src.model.UNet',
		encoder: { _target_: 'src.model.encoders.ResNetEncoder' }, decoder: { _target_: 'src.model.decoders.UNetDecoder' },
	},
	data: { dataset: 'crack_dataset', root_dir: 'data/' },
}, null, 2);

const vector1Yaml = 'training:\n  epochs: 100\n  batch_size: 16\n  learning_rate: 0.001\n  optimizer:\n    _target_: torch.optim.Adam\n'
	+ '  loss:\n    _target_: src.training.losses.BCEDiceLoss\nmodel:\n  _target_: src.model.UNet\n  encoder:\n'
	+ '    _target_: src.model.encoders.ResNetEncoder\n  decoder:\n    _target_: src.model.decoders.UNetDecoder\n'
	+ 'data:\n  dataset: crack_dataset\n  root_dir: data/\n';
const vector1Hash = '18e1e80010e692b825a72c4933928735a3ef14d7b7514e2d8516b1cc025bd9a4';

const vector2Json = '{"b": {"lr": 1e-05, "eps": 1e-08, "big": 1e17, "one": 1.0, "int": 1, "neg": -0.5, "t": true, "n": null,'
	+ ' "s_num": "123", "s_bool": "yes", "s_float": "1e-3", "empty": "", "unicode": "grieta_ñ",'
	+ ' "list": [1, 2.5, "x", [3, 4], {"k": "v"}], "emptylist": [], "emptydict": {}}, "a": "z"}';
const vector2Yaml = 'b:\n  lr: 1.0e-05\n  eps: 1.0e-08\n  big: 1.0e+17\n  one: 1.0\n  int: 1\n  neg: -0.5\n  t: true\n  \'n\': null\n'
	+ '  s_num: \'123\'\n  s_bool: \'yes\'\n  s_float: \'1e-3\'\n  empty: \'\'\n  unicode: grieta_ñ\n  list:\n  - 1\n  - 2.5\n  - x\n'
	+ '  - - 3\n    - 4\n  - k: v\n  emptylist: []\n  emptydict: {}\na: z\n';
const vector2Hash = 'ce6459dce75ea36bc69f31e6983ceb31911741984753f7ad16d642d161ddd2fc';

const vector3Json = '{"thresholds":{"gamma":0.5},"training":{"gamma":"${thresholds.gamma}"}}';
const vector3Hash = 'bd856d9874841d31ff0276e96fb78c3de812188dc7db703e670ea82aee5121e6';

function hashOf(jsonText: string): ReturnType<typeof computeConfigHash> {
	const parsed = parseLenient(jsonText);
	assert.ok(parsed.ok, 'test input must parse');
	return computeConfigHash(parsed.value);
}

describe('computeConfigHash (spec §2.2 test vectors)', () => {
	it('vector 1: CrackSeg\'s sample config gives the recorded YAML and hash', () => {
		assert.deepEqual(hashOf(sampleConfigJson), { ok: true, yaml: vector1Yaml, hash: vector1Hash });
	});

	it('vector 2: floats, quoted keys and strings, unicode and collections', () => {
		assert.deepEqual(hashOf(vector2Json), { ok: true, yaml: vector2Yaml, hash: vector2Hash });
	});

	it('vector 3: interpolations are resolved before hashing', () => {
		assert.deepEqual(hashOf(vector3Json), { ok: true, yaml: 'thresholds:\n  gamma: 0.5\ntraining:\n  gamma: 0.5\n', hash: vector3Hash });
	});

	it('tells 1.0 from 1, which plain JSON.parse cannot', () => {
		const asFloat = hashOf('{"a": 1.0}');
		const asInt = hashOf('{"a": 1}');
		assert.ok(asFloat.ok && asInt.ok);
		assert.equal(asFloat.yaml, 'a: 1.0\n');
		assert.notEqual(asFloat.hash, asInt.hash);
	});

	it('hashes a top-level list as OmegaConf\'s ListConfig dump', () => {
		const result = hashOf('[1, "yes", {"k": []}]');
		assert.ok(result.ok);
		assert.equal(result.yaml, '- 1\n- \'yes\'\n- k: []\n');
	});

	it('refuses a scalar top level and unresolvable interpolations with a reason', () => {
		for (const config of [null, 'text', true, new JsonNumber('3')]) {
			const result = computeConfigHash(config);
			assert.equal(result.ok, false);
			assert.match(result.ok ? '' : result.reason, /not a mapping or list/);
		}
		const withResolver = hashOf('{"run": "${now:%Y-%m-%d}"}');
		assert.equal(withResolver.ok, false);
		assert.match(withResolver.ok ? '' : withResolver.reason, /resolver 'now'/);
	});
});

describe('verifyConfigHash', () => {
	it('matches the recorded hash of CrackSeg\'s sample config (any letter case)', () => {
		assert.deepEqual(verifyConfigHash(sampleConfigJson, vector1Hash), { status: 'match', computed: vector1Hash });
		assert.equal(verifyConfigHash(sampleConfigJson, vector1Hash.toUpperCase()).status, 'match');
	});

	it('reports a mismatch with the recomputed hash when the config changed', () => {
		const edited = sampleConfigJson.replace('"epochs": 100', '"epochs": 101');
		const result = verifyConfigHash(edited, vector1Hash);
		assert.equal(result.status, 'mismatch');
		assert.match(result.computed ?? '', /^[0-9a-f]{64}$/);
		assert.notEqual(result.computed, vector1Hash);
	});

	it('reads NaN tokens and float spellings losslessly, as Python wrote them', () => {
		const written = '{\n  "metric": NaN,\n  "lr": 1e-05,\n  "one": 1.0\n}';
		const expected = hashOf('{"metric": NaN, "lr": 1e-05, "one": 1.0}');
		assert.ok(expected.ok);
		assert.equal(expected.yaml, 'metric: .nan\nlr: 1.0e-05\none: 1.0\n');
		assert.equal(verifyConfigHash(written, expected.hash).status, 'match');
	});

	it('is unverifiable, with a reason, when nothing was recorded, the file is broken or the hash cannot be computed', () => {
		const empty = verifyConfigHash(sampleConfigJson, '');
		assert.equal(empty.status, 'unverifiable');
		assert.match(empty.reason ?? '', /no config_hash was recorded/);
		const broken = verifyConfigHash('{"training": ', vector1Hash);
		assert.equal(broken.status, 'unverifiable');
		assert.match(broken.reason ?? '', /does not parse/);
		const unresolvable = verifyConfigHash('{"home": "${oc.env:HOME}"}', vector1Hash);
		assert.equal(unresolvable.status, 'unverifiable');
		assert.match(unresolvable.reason ?? '', /oc\.env/);
	});
});
