import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { createDemoWorkspace, type DemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { screenshotOnFailure } from './failureScreenshot';
import { pollUntil } from '../shared/poll';
import { pngSize, readEpochSummaries, readTrackerFile, readValidationMetrics, shownTime } from './runFilesOnDisk';
import { definitionList, openDetailPanel, visibleWebview } from './webviewFrame';
import { Workbench } from './workbench';

/** `actual` equals `expected` to the 6 significant digits the chart table shows. */
function assertSameValue(actual: string, expected: number | undefined, what: string): void {
	assert.ok(expected !== undefined, `${what}: no value in the run's files`);
	assert.ok(Math.abs(Number(actual) - expected) <= Math.abs(expected) * 1e-5, `${what}: the panel shows ${actual}, the files say ${expected}`);
}

/** The `<ul>` right after the artifact heading `title` ("Checkpoints", "Visualizations", …). */
function artifactList(panel: FrameLocator, title: string): Locator {
	return panel.locator('#artifacts h3').getByText(title, { exact: true }).locator('xpath=following-sibling::ul[1]');
}

/** The fact group (Environment, Git, System, Timestamps) headed `title`. */
function factGroup(panel: FrameLocator, title: string): Locator {
	return panel.locator('#facts .fact-group').filter({ has: panel.locator('h3').getByText(title, { exact: true }) });
}

describe('the detail panel of a finished run', () => {
	let workbench: Workbench | undefined;
	let demo: DemoWorkspace | undefined;

	const runDir = (name: string): string => {
		const run = demo?.runs.find((entry) => entry.name === name);
		assert.ok(run, `the demo workspace has no run ${name}`);
		return run.dir;
	};

	before(async () => {
		workbench = await Workbench.open({ prepare: async (workspace) => (demo = await createDemoWorkspace(workspace)) });
	});

	after(async () => {
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	it('shows unet_baseline\'s name, id, status, tags, description, progress and best metrics as its tracker file records them', async () => {
		assert.ok(workbench);
		await workbench.openContainer('Experiment Tracker');
		await workbench.treeRows('unet_baseline').first().waitFor({ timeout: 60_000 });
		const panel = await openDetailPanel(workbench, 'unet_baseline');
		const tracker = await readTrackerFile(runDir('unet_baseline'));

		assert.equal(await panel.locator('h1.run-name').innerText(), tracker.experiment_name);
		assert.equal(await panel.locator('.run-id code').innerText(), tracker.experiment_id);
		const status = panel.locator('.badges .badge[role="status"]');
		assert.equal((await status.innerText()).trim(), tracker.status);
		assert.match(await status.getAttribute('class') ?? '', /\bstatus-completed\b/);
		assert.deepEqual((await panel.locator('.tags li.tag').allInnerTexts()).map((text) => text.trim()), tracker.tags);
		assert.equal(await panel.locator('.description-block p.description').innerText(), tracker.description);

		assert.equal(tracker.current_epoch, 12);
		assert.equal((await definitionList(panel.locator('#progress dl')))['Epoch'], `${tracker.current_epoch} / ${tracker.total_epochs}`);
		assert.equal(await panel.locator('#progress progress').getAttribute('value'), '100.0');

		const names = await panel.locator('#metrics .metric-name').allInnerTexts();
		assert.deepEqual(names, ['val_iou', ...Object.keys(tracker.best_metrics).filter((name) => name !== 'val_iou').sort()]);
		const values = await panel.locator('#metrics .metric-value').allInnerTexts();
		names.forEach((name, index) => {
			assert.ok(Math.abs(Number(values[index]) - tracker.best_metrics[name]!) < 0.0005, `${name}: shown ${values[index]}, recorded ${tracker.best_metrics[name]}`);
		});
		await workbench.screenshot('panel-sections-header');
	});

	it('draws one chart per metric family of the metrics files, train and val curves together, whose table holds the files\' values', async () => {
		assert.ok(workbench);
		const panel = visibleWebview(workbench.page);
		const dir = runDir('unet_baseline');
		const validation = await readValidationMetrics(dir);
		const summaries = await readEpochSummaries(dir);
		const families = new Set([
			...validation.flatMap((line) => Object.keys(line.metrics)).map((key) => key.replace(/^val_/, '')),
			...summaries.flatMap((summary) => Object.keys(summary.train_metrics)),
			...(summaries.some((summary) => summary.learning_rate !== undefined) ? ['learning_rate'] : []),
		]);
		const charts = panel.locator('#charts article.chart-card');
		const shown = await charts.evaluateAll((cards: Array<{ getAttribute(name: string): string | null }>) => cards.map((card) => card.getAttribute('data-chart-id') ?? ''));
		assert.deepEqual([...shown].sort(), [...families].sort());

		const loss = charts.and(panel.locator('[data-chart-id="loss"]'));
		assert.equal(await loss.locator('.chart-card__title').innerText(), 'Loss');
		assert.deepEqual((await loss.locator('.chart-legend__item span').allInnerTexts()).slice(0, 2), ['train', 'val']);
		for (const phase of ['train', 'val']) {
			assert.equal(await loss.locator(`svg.chart-svg path.chart-series--${phase}:not(.chart-series-dots)`).count(), 1, `the loss chart has no ${phase} curve`);
		}
		for (const family of families) {
			if (family !== 'learning_rate') {
				const legend = await charts.and(panel.locator(`[data-chart-id="${family}"]`)).locator('.chart-legend__item span').allInnerTexts();
				assert.ok(legend.includes('val'), `the ${family} chart has no val curve (legend: ${legend.join(', ')})`);
			}
		}

		await loss.getByRole('button', { name: 'Table of Loss values' }).click();
		assert.deepEqual(await loss.locator('table thead th').allInnerTexts(), ['Epoch', 'train', 'val']);
		const rows = await loss.locator('table tbody tr').evaluateAll((trs: Array<{ cells: ArrayLike<{ textContent: string | null }> }>) => trs.map((tr) => Array.from(tr.cells, (cell) => cell.textContent ?? '')));
		assert.equal(rows.length, validation.length);
		for (const [epoch, train, val] of rows) {
			assertSameValue(train!, summaries.find((summary) => summary.epoch === Number(epoch))?.train_metrics['loss'], `train loss at epoch ${epoch}`);
			assertSameValue(val!, validation.find((line) => line.epoch === Number(epoch))?.metrics['val_loss'], `val loss at epoch ${epoch}`);
		}
		await loss.getByRole('button', { name: 'Table of Loss values' }).click();
		await loss.locator('svg.chart-svg').waitFor();
	});

	it('shows the config hash as verified, and the environment, git, system and timestamps of the tracker file', async () => {
		assert.ok(workbench);
		const panel = visibleWebview(workbench.page);
		const tracker = await readTrackerFile(runDir('unet_baseline'));

		const summary = await definitionList(panel.locator('#config dl.fields'));
		assert.deepEqual(summary, Object.fromEntries(Object.entries(tracker.config_summary).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])));
		assert.equal(await panel.locator('#config .hash code').innerText(), `${tracker.config_hash.slice(0, 16)}…`);
		assert.match(await panel.locator('#config .hash .badge.verify-match').innerText(), /^verified\b/);

		assert.deepEqual(await definitionList(factGroup(panel, 'Environment').locator('dl')), {
			Python: tracker.python_version.split(' ')[0], PyTorch: tracker.pytorch_version, Platform: tracker.platform,
			CUDA: tracker.cuda_version, GPU: tracker.gpu_info.name,
		});
		assert.equal(tracker.pytorch_version, '2.7.1+cu128');
		const git = factGroup(panel, 'Git');
		assert.deepEqual(await definitionList(git.locator('dl')), { Commit: tracker.git_commit.slice(0, 12), Branch: tracker.git_branch });
		assert.equal((await git.locator('.badge').innerText()).trim(), tracker.git_dirty ? 'uncommitted changes' : 'clean');
		assert.deepEqual(await definitionList(factGroup(panel, 'System').locator('dl')), {
			Host: tracker.hostname, User: tracker.username, Memory: `${tracker.memory_gb.toFixed(1)} GiB`,
		});
		assert.deepEqual(await definitionList(factGroup(panel, 'Timestamps').locator('dl')), {
			Created: shownTime(tracker.created_at), Started: shownTime(tracker.started_at),
			Completed: shownTime(tracker.completed_at), Updated: shownTime(tracker.updated_at),
		});
	});

	it('lists the recorded checkpoints and visualizations, and shows training_curves.png as a webview resource', async () => {
		assert.ok(workbench);
		const panel = visibleWebview(workbench.page);
		const dir = runDir('unet_baseline');
		const tracker = await readTrackerFile(dir);

		const checkpoints = await artifactList(panel, 'Checkpoints').locator('.artifact-name').allInnerTexts();
		assert.deepEqual(checkpoints.sort(), tracker.checkpoint_paths.map((file) => path.basename(file)).sort());
		assert.equal(await artifactList(panel, 'Checkpoints').locator('.artifact.missing').count(), 0);
		const visualizations = await artifactList(panel, 'Visualizations').locator('.artifact-name').allInnerTexts();
		assert.deepEqual(visualizations, tracker.visualization_files.map((file) => path.basename(file)));

		const image = panel.locator('#artifacts .gallery img[alt="training_curves.png"]');
		const file = path.join(dir, 'results', 'visualizations', 'training_curves.png');
		const src = await image.getAttribute('src') ?? '';
		assert.match(src, /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//, `not a webview resource URI: ${src}`);
		assert.ok(src.endsWith(file), `${src} is not ${file}`);
		await image.scrollIntoViewIfNeeded();
		// Loaded means the CSP's img-src and the panel's localResourceRoots let the run's file through.
		const naturalWidth = () => image.evaluate((img: { complete: boolean; naturalWidth: number }) => (img.complete ? img.naturalWidth : 0));
		assert.equal(await pollUntil(naturalWidth, (width) => width > 0, 'the thumbnail to load'), (await pngSize(file)).width);
		await workbench.screenshot('panel-sections-artifacts');
	});

	it('lists the problem of torn_save_experiment\'s truncated tracker file, with a way to open it', async () => {
		assert.ok(workbench);
		const dir = runDir('torn_save_experiment');
		const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
		assert.throws(() => JSON.parse(text), SyntaxError);

		const panel = await openDetailPanel(workbench, 'torn_save_experiment');
		await panel.locator('.badges .badge.status-problem').waitFor();
		const problem = panel.locator('#problems li.problem.severity-error').filter({ has: panel.locator('code').getByText('experiment_tracker.json', { exact: true }) });
		assert.equal(await problem.count(), 1);
		assert.match(await problem.innerText(), /Not valid JSON.*truncated/);
		await problem.getByRole('button', { name: 'Open File' }).waitFor();
		await workbench.screenshot('panel-sections-problems');
	});
});
