import * as assert from 'node:assert/strict';
import { trackerDefaults } from '../../../../src/core/format/trackerSchema';
import type { RunDetails } from '../../../../src/core/runs/runDetails';
import { runDetailsToMarkdown } from '../../../../src/core/view/runDetailsMarkdown';
import { verifyReportMarkdown } from '../../../../src/core/view/verifyReport';
import { makeRun } from './makeRun';

const run = makeRun({ description: 'Adam lr=0.1\nError: CUDA out of memory', status: 'failed', inferredStatus: 'failed' });
const artifact = (stored: string, exists: boolean) => ({ stored, path: `/abs/${stored}`, exists });

function details(overrides: Partial<RunDetails> = {}): RunDetails {
	return {
		summary: run,
		tracker: {
			...trackerDefaults(),
			experiment_id: run.id,
			experiment_name: run.name,
			status: 'failed',
			config_hash: 'a3f1c2',
			config_summary: { epochs: 12, optimizer: { _target_: 'torch.optim.Adam' }, model_type: 'unet|v2' },
			python_version: '3.11.9 (main, Apr  6 2024) [GCC 13.2.0]',
			pytorch_version: '2.7.1+cu128',
			platform: 'Linux-6.8.0-60-generic-x86_64',
			cuda_available: true,
			cuda_version: '12.8',
			hostname: 'crackseg-ws01',
			username: 'unknown',
			memory_gb: 62.71,
			gpu_info: { name: 'RTX 3070 Ti', memory_gb: 8 },
			git_commit: '094ff8435cd3a1b2c3d4',
			git_branch: 'main',
			git_dirty: true,
		},
		artifacts: {
			checkpoints: [artifact('artifacts/experiments/x/checkpoints/best_model.pth', true)],
			metricFiles: [],
			visualizations: [artifact('artifacts/experiments/x/results/pred_[1].png', false)],
			managed: [],
		},
		files: [],
		config: { file: '/abs/config.json', verification: { status: 'mismatch', computed: 'ffff' } },
		metrics: { series: [], stepSeries: [], finished: false, epochTimes: [], bestMetrics: {}, finalMetrics: {}, sources: [], problems: [] },
		history: [],
		...overrides,
	};
}

describe('view: Markdown export of one run in full', () => {
	const markdown = runDetailsToMarkdown(details());

	it('has the run\'s identity, status, metrics and description', () => {
		assert.ok(markdown.startsWith('# unet\\_baseline\n\n- **ID:** 20261204-120000-unet\\_baseline\n- **Epochs:** 12/12\n- **Tags:** baseline, unet\n'));
		assert.ok(markdown.includes('- **Status:** failed\n'));
		assert.ok(markdown.includes('## Metrics\n\n| Metric | Best | Latest |'));
		assert.ok(markdown.includes('## Description\n\n```text\nAdam lr=0.1\nError: CUDA out of memory\n```'));
	});

	it('has the config summary, hash and its check', () => {
		assert.ok(markdown.includes('## Configuration\n\n| Key | Value |\n| --- | --- |\n| epochs | 12 |\n| optimizer | \\{"\\_target\\_":"torch.optim.Adam"\\} |\n| model\\_type | unet\\|v2 |\n\n- **Config hash:** a3f1c2\n- **Config file:** /abs/config.json\n- **Hash check:** mismatch'), markdown);
	});

	it('has the environment and git state', () => {
		assert.ok(markdown.includes('## Environment\n\n- **Python:** 3.11.9\n- **PyTorch:** 2.7.1+cu128\n- **CUDA:** 12.8\n'));
		assert.ok(markdown.includes('- **Memory:** 62.7 GiB\n- **GPU:** \\{"name":"RTX 3070 Ti","memory\\_gb":8\\}'));
		assert.ok(markdown.includes('## Git\n\n- **Commit:** 094ff8435cd3a1b2c3d4\n- **Branch:** main\n- **Uncommitted changes:** yes'));
	});

	it('lists artifacts and marks missing files', () => {
		assert.ok(markdown.includes('## Artifacts\n\n- checkpoint: artifacts/experiments/x/checkpoints/best\\_model.pth\n- visualization: artifacts/experiments/x/results/pred\\_\\[1\\].png **(missing)**\n'));
	});

	it('leaves out what a tracker-less run does not have', () => {
		const bare = runDetailsToMarkdown(details({ tracker: undefined, config: undefined, artifacts: { checkpoints: [], metricFiles: [], visualizations: [], managed: [] } }));
		for (const heading of ['## Configuration', '## Environment', '## Git', '## Artifacts']) {
			assert.ok(!bare.includes(heading), heading);
		}
	});
});

describe('view: reproducibility report', () => {
	it('gives a verdict and a row per check', () => {
		const report = verifyReportMarkdown(run, [
			{ name: 'config', ok: false, checked: true, detail: 'config.json hashes to ffff…, not a3f1…' },
			{ name: 'git', ok: true, checked: false, detail: 'no git commit was recorded' },
			{ name: 'checksum a|b.pth', ok: true, checked: true, detail: 'verified' },
		]);
		assert.ok(report.startsWith('# Reproducibility: unet\\_baseline\n'));
		assert.ok(report.includes('\n\nNot reproducible as recorded: config.\n\n'));
		assert.ok(report.includes('| config | FAILED | config.json hashes to ffff…, not a3f1… |\n| git | not checked | no git commit was recorded |\n| checksum a\\|b.pth | ok | verified |'));
		const good = verifyReportMarkdown(run, [{ name: 'git', ok: true, checked: false, detail: 'none' }]);
		assert.ok(good.includes('\n\nReproducible as recorded (1 check could not be made).\n\n'));
	});
});
