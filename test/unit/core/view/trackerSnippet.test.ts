import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { pythonStringLiteral, trackerSnippet } from '../../../../src/core/view/trackerSnippet';

/** The constructor's keyword arguments as Python itself reads them from the snippet. */
function pythonArguments(snippet: string): Record<string, string> {
	const script = [
		'import ast, json, sys',
		'tree = ast.parse(sys.stdin.read())',
		'call = next(node.value for node in tree.body if isinstance(node, ast.Assign))',
		'print(json.dumps({kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}))',
	].join('\n');
	const result = spawnSync('python3', ['-c', script], { input: snippet, encoding: 'utf8' });
	assert.equal(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as Record<string, string>;
}

describe('view: tracker snippet', () => {
	it('imports the tracker the way that works and passes the run relative to the workspace', () => {
		const snippet = trackerSnippet({ dir: '/home/me/crackseg/artifacts/experiments/20261204-152927-unet_baseline', id: '20261204-152927-unet_baseline', name: 'unet_baseline', workspace: '/home/me/crackseg/' });
		assert.ok(snippet.startsWith('from crackseg.utils.experiment import ExperimentTracker\n'));
		assert.ok(!snippet.includes('experiment.tracker import'));
		assert.deepEqual(pythonArguments(snippet), {
			experiment_dir: 'artifacts/experiments/20261204-152927-unet_baseline',
			experiment_id: '20261204-152927-unet_baseline',
			experiment_name: 'unet_baseline',
		});
		for (const call of ['# tracker.start_experiment()', 'tracker.update_training_progress(', '# tracker.complete_experiment()']) {
			assert.ok(snippet.includes(call), call);
		}
	});

	it('keeps an absolute path for a run outside the workspace (or a sibling folder with the same prefix)', () => {
		assert.equal(pythonArguments(trackerSnippet({ dir: '/data/runs/r1', id: 'r1', name: 'r1', workspace: '/home/me/crackseg' })).experiment_dir, '/data/runs/r1');
		assert.equal(pythonArguments(trackerSnippet({ dir: '/home/me/crackseg2/r1', id: 'r1', name: 'r1', workspace: '/home/me/crackseg' })).experiment_dir, '/home/me/crackseg2/r1');
		assert.equal(pythonArguments(trackerSnippet({ dir: '/data/runs/r1', id: 'r1', name: 'r1' })).experiment_dir, '/data/runs/r1');
	});

	it('writes Windows paths with forward slashes, relative when inside the workspace', () => {
		assert.equal(pythonArguments(trackerSnippet({ dir: 'C:\\Users\\me\\crackseg\\artifacts\\experiments\\r1', id: 'r1', name: 'r1', workspace: 'c:\\Users\\me\\crackseg' })).experiment_dir, 'artifacts/experiments/r1');
		assert.equal(pythonArguments(trackerSnippet({ dir: 'D:\\runs\\r1', id: 'r1', name: 'r1', workspace: 'C:\\ws' })).experiment_dir, 'D:/runs/r1');
	});

	it('escapes names so Python reads back exactly what was given', () => {
		const name = 'quote " backslash \\ newline \n tab \t nul \u0000 ä 😀 \u2028 end\\';
		const args = pythonArguments(trackerSnippet({ dir: '/ws/it\'s "here"\\x', id: 'id"); import os #', name, workspace: '/other' }));
		assert.deepEqual(args, { experiment_dir: '/ws/it\'s "here"\\x', experiment_id: 'id"); import os #', experiment_name: name });
		assert.equal(pythonStringLiteral('a"b\\'), '"a\\"b\\\\"');
		assert.equal(pythonStringLiteral('\ud800x'), '"\\ud800x"', 'a lone surrogate cannot be written as UTF-8');
	});
});
