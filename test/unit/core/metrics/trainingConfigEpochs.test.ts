import * as assert from 'node:assert/strict';
import { readTrainingConfigEpochs, trainingEpochsFromYaml } from '../../../../src/core/metrics/trainingConfigEpochs';
import { TempRun } from './pythonFixtures';

const storedYaml = [
	'experiment:',
	'  name: unet_baseline',
	'  epochs: 99',
	'training:',
	'  # trainer settings',
	'  optimizer:',
	'    _target_: torch.optim.Adam',
	'    lr: 0.001',
	'  lr_scheduler:',
	'    epochs: 77',
	'  epochs: 25',
	'  batch_size: 8',
	'config_metadata:',
	"  created_at: '2026-12-04T15:29:27.169983'",
	"  format_version: '1.0'",
	'',
].join('\n');

describe('readTrainingConfigEpochs', () => {
	let run: TempRun;
	beforeEach(async () => {
		run = await TempRun.create();
	});
	afterEach(async () => {
		await run.dispose();
	});

	it('reads training.epochs from config.json', async () => {
		await run.write('config.json', JSON.stringify({ experiment: { epochs: 3 }, training: { epochs: 12, batch_size: 8 } }, null, 2));
		assert.equal(await readTrainingConfigEpochs(run.dir), 12);
	});

	it('reads the stored training_config.yaml when config.json does not say', async () => {
		await run.write('config.json', JSON.stringify({ training: { batch_size: 8 } }));
		await run.write('configurations/20261204-152927-unet_baseline/training_config.yaml', storedYaml);
		assert.equal(await readTrainingConfigEpochs(run.dir), 25);
	});

	it('gives undefined when neither file says, or they are broken', async () => {
		assert.equal(await readTrainingConfigEpochs(run.dir), undefined);
		await run.write('config.json', '{"training": ');
		await run.write('configurations/x/training_config.yaml', 'training:\n  batch_size: 8\n');
		assert.equal(await readTrainingConfigEpochs(run.dir), undefined);
	});
});

describe('trainingEpochsFromYaml', () => {
	it('takes only epochs directly under the top-level training mapping', () => {
		assert.equal(trainingEpochsFromYaml(storedYaml), 25);
		assert.equal(trainingEpochsFromYaml(storedYaml.replace('  epochs: 25\n', '')), undefined);
		assert.equal(trainingEpochsFromYaml('training:\r\n    epochs: 40  # long run\r\n'), 40);
		assert.equal(trainingEpochsFromYaml('data:\n  epochs: 5\ntraining: {epochs: 5}\n'), undefined);
		assert.equal(trainingEpochsFromYaml('training:\n  epochs: 0\n'), undefined);
	});
});
