import * as assert from 'node:assert/strict';
import { extractConfigSummary } from '../../../../src/core/config/configSummary';
import { type JsonNode } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';

/** The summary as Python's json.dump(indent=2) would write it into experiment_tracker.json, or `error: <reason>`. */
function summaryJson(jsonText: string): string {
	const parsed = parseLenient(jsonText);
	assert.ok(parsed.ok, `test input must parse: ${jsonText}`);
	const result = extractConfigSummary(parsed.value);
	return result.ok ? dumpPythonJson(result.summary, { indent: 0 }).replaceAll('\n', '') : `error: ${result.reason}`;
}

function summaryOf(config: JsonNode): string {
	const result = extractConfigSummary(config);
	return result.ok ? JSON.stringify(Object.fromEntries(result.summary)) : `error: ${result.reason}`;
}

describe('extractConfigSummary (spec §2.3)', () => {
	it('summarizes CrackSeg\'s sample config in the tracker\'s key order', () => {
		assert.equal(summaryJson('{"training":{"epochs":100,"batch_size":16,"learning_rate":0.001,"optimizer":{"_target_":"torch.optim.Adam"},'
			+ '"loss":{"_target_":"src.training.losses.BCEDiceLoss"}},"model":{"_target_":"src.model.UNet","encoder":{"_target_":"enc"},'
			+ '"decoder":{"_target_":"dec"}},"data":{"dataset":"crack_dataset","root_dir":"data/"}}'),
		'{"epochs": 100,"batch_size": 16,"learning_rate": 0.001,"optimizer": "torch.optim.Adam","loss": "src.training.losses.BCEDiceLoss",'
			+ '"model_type": "src.model.UNet","encoder": "enc","decoder": "dec","dataset": "crack_dataset","data_root": "data/"}');
	});

	it('fills absent keys with "unknown" and keeps present values with their types, null included', () => {
		assert.equal(summaryJson('{"data":{"dataset":null,"extra":1},"model":{"encoder":{}},"training":{"epochs":3.0,"learning_rate":[1e-05]}}'),
			'{"epochs": 3.0,"batch_size": "unknown","learning_rate": [1e-05],"optimizer": "unknown","loss": "unknown",'
			+ '"model_type": "unknown","encoder": "unknown","decoder": "unknown","dataset": null,"data_root": "unknown"}');
	});

	it('skips sections that are missing or not mappings, and configs nested deeper', () => {
		assert.equal(summaryJson('{"training":"fast","model":[1],"data":{"root_dir":"d"}}'), '{"dataset": "unknown","data_root": "d"}');
		assert.equal(summaryJson('{"experiments":{"a":{"training":{"epochs":1}}}}'), '{}');
		assert.equal(summaryJson('[{"training":{"epochs":1}}]'), '{}');
	});

	it('reads values after resolving interpolations', () => {
		assert.equal(summaryJson('{"defaults":{"e":7,"opt":"torch.optim.SGD"},"training":{"epochs":"${defaults.e}","optimizer":{"_target_":"${defaults.opt}"}}}'),
			'{"epochs": 7,"batch_size": "unknown","learning_rate": "unknown","optimizer": "torch.optim.SGD","loss": "unknown"}');
	});

	it('fails where Python\'s tracker would raise AttributeError: optimizer, loss, encoder or decoder present but not a mapping', () => {
		const cases: Array<[string, string]> = [
			['{"training":{"optimizer":"adam"}}', 'training.optimizer'],
			['{"training":{"loss":null}}', 'training.loss'],
			['{"model":{"encoder":"resnet50"}}', 'model.encoder'],
			['{"model":{"decoder":[1]}}', 'model.decoder'],
		];
		for (const [config, key] of cases) {
			const text = summaryJson(config);
			assert.match(text, /^error: .*AttributeError/, config);
			assert.ok(text.includes(key), `${text} names ${key}`);
		}
	});

	it('fails when the interpolations cannot be resolved, and gives {} for a scalar', () => {
		assert.match(summaryJson('{"training":{"epochs":"${missing}"}}'), /^error: .*cannot be resolved/);
		assert.equal(summaryOf('just text'), '{}');
	});
});
