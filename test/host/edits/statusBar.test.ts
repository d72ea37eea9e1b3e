import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTrainer } from '../../../src/core/demo/startTrainer';
import { editRuns } from '../fixtures';
import { loadedApi, runNamed, waitFor } from '../hostHelpers';

describe('the status bar while a training process writes progress', () => {
	it('shows the run\'s name and an epoch that advances, and hides once the run completes', async () => {
		const api = await loadedApi();
		const run = runNamed(api, editRuns.statusBar.name);
		assert.equal(api.statusBar.text, '', 'nothing is running yet');
		const trainer = startTrainer(run.dir, { epochs: 5, intervalMs: 1000 });
		const exited = once(trainer, 'exit');
		try {
			const epochs: number[] = [];
			const texts: string[] = [];
			await waitFor(() => api.statusBar.text, (text) => {
				const match = /^\$\(loading~spin\) status_bar_run (\d+)\/5(?: · .+)?$/.exec(text);
				if (match) {
					texts.push(text);
					epochs.push(Number(match[1]));
				}
				return epochs.length > 0 && epochs.at(-1)! > epochs[0]!;
			}, 'the status bar to show the run moving to a later epoch');
			assert.deepEqual(epochs, [...epochs].sort((a, b) => a - b), `epochs only move forward: ${texts.join(' | ')}`);
			const [code] = await exited as [number | null];
			assert.equal(code, 0, 'the trainer finished');
			await waitFor(() => api.statusBar.text, (text) => text === '', 'the status bar to hide');
			assert.equal(api.service.get(run.dir)?.status, 'completed');
		} finally {
			if (trainer.exitCode === null) {
				trainer.kill('SIGTERM');
			}
		}
	});
});
