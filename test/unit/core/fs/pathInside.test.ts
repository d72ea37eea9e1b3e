import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathInside } from '../../../../src/core/fs/childPath';
import { resolveInsideRun } from '../../../../src/extension/detail/resolveInsideRun';

describe('paths inside a run folder', () => {
	const run = path.resolve('/ws/artifacts/experiments/20261204-152927-unet');

	it('gives the relative path of what lies inside, and nothing for the folder itself or what leaves it', () => {
		assert.equal(pathInside(run, path.join(run, 'checkpoints', 'best.pth')), path.join('checkpoints', 'best.pth'));
		assert.equal(pathInside(run, path.join(run, '..notes')), '..notes');
		assert.equal(pathInside(run, run), undefined);
		assert.equal(pathInside(run, path.dirname(run)), undefined);
		assert.equal(pathInside(run, path.join(run, '..', 'other', 'config.json')), undefined);
		assert.equal(pathInside(run, path.resolve('/etc/passwd')), undefined);
	});

	it('resolves what the panel asks to open inside the run, and refuses the rest', () => {
		assert.equal(resolveInsideRun(run, 'metrics/summary.json'), path.join(run, 'metrics', 'summary.json'));
		assert.equal(resolveInsideRun(run, '..notes'), path.join(run, '..notes'));
		for (const refused of ['../other/config.json', 'metrics/../../x', '/etc/passwd', 'C:\\Windows\\win.ini', 'a\0b', '', '.']) {
			assert.equal(resolveInsideRun(run, refused), undefined, refused);
		}
	});
});
