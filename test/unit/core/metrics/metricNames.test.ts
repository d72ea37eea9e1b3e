import * as assert from 'node:assert/strict';
import { canonicalMetricKey, classifyMetricKey, isLowerBetter } from '../../../../src/core/metrics/metricNames';

describe('classifyMetricKey', () => {
	const cases: Array<[string, 'train' | 'val' | 'test' | undefined, string, string]> = [
		['val_loss', undefined, 'loss', 'val'],
		['val_iou', undefined, 'iou', 'val'],
		['train_loss', undefined, 'loss', 'train'],
		['test_f1', undefined, 'f1', 'test'],
		['train/epoch_loss', undefined, 'loss', 'train'],
		['train_batch/batch_loss', undefined, 'batch_loss', 'train'],
		['lr', undefined, 'learning_rate', 'other'],
		['learning_rate', 'val', 'learning_rate', 'other'],
		['val/iou', undefined, 'iou', 'val'],
		['iou', 'val', 'iou', 'val'],
		['loss', 'train', 'loss', 'train'],
		['loss', undefined, 'loss', 'other'],
		['val_dice', 'train', 'dice', 'val'],
		['validation/F1', undefined, 'F1', 'val'],
	];
	for (const [key, hint, family, phase] of cases) {
		it(`${key}${hint ? ` (hint ${hint})` : ''} → ${phase} ${family}`, () => {
			assert.deepEqual(classifyMetricKey(key, hint), { family, phase });
		});
	}

	it('gives one merge key to the same quantity from every writer', () => {
		const keys = [classifyMetricKey('train/epoch_loss'), classifyMetricKey('train_loss'), classifyMetricKey('loss', 'train')].map(canonicalMetricKey);
		assert.deepEqual(keys, ['train_loss', 'train_loss', 'train_loss']);
		assert.equal(canonicalMetricKey(classifyMetricKey('iou', 'val')), 'val_iou');
		assert.equal(canonicalMetricKey(classifyMetricKey('lr')), 'learning_rate');
		assert.equal(canonicalMetricKey(classifyMetricKey('train_batch/batch_loss')), 'train_batch_loss');
	});
});

describe('isLowerBetter', () => {
	it('is true exactly for names containing loss, in any case', () => {
		assert.deepEqual(['val_loss', 'Loss', 'train_batch_loss', 'val_iou', 'f1', 'learning_rate'].map(isLowerBetter), [true, true, true, false, false, false]);
	});
});
