import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/harness/paths';
import { pollUntil } from '../shared/poll';
import { startLiveDemo, type LiveDemo } from './demoWorkspace';
import { openDetailPanel } from './webviewFrame';
import { Workbench } from './workbench';

const run = promisify(execFile);
/** README screenshots: files in the repository, refreshed by this test from the packaged build. */
const imagesDir = path.join(repoRoot, 'docs', 'images');

/** The file names inside a .vsix (a zip), read with Python's zipfile (no extra dependency). */
async function vsixEntries(vsix: string): Promise<string[]> {
	const { stdout } = await run('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix]);
	return stdout.trim().split('\n');
}

describe('the packaged .vsix, installed as a user installs it', function () {
	this.timeout(300_000);
	let tempDir: string;
	let vsix: string;
	let workbench: Workbench | undefined;
	let live: LiveDemo | undefined;

	before(async () => {
		tempDir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-vsix-'));
		vsix = path.join(tempDir, 'experiment-tracker.vsix');
		// The real packaging path: vsce runs vscode:prepublish (type check, production bundles, schemas).
		await run(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
	});

	after(async () => {
		live?.stop();
		await workbench?.close();
		await rm(tempDir, { recursive: true, force: true });
	});

	it('holds the bundles, media and docs, and nothing else', async () => {
		const entries = await vsixEntries(vsix);
		const files = entries.filter((entry) => entry.startsWith('extension/')).map((entry) => entry.slice('extension/'.length));
		for (const needed of ['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt', 'dist/extension.js', 'dist/cli.js', 'dist/scanWorker.js', 'dist/webview/detail.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'dist/schemas/experiment_tracker.schema.json', 'media/tracker.svg', 'media/detail.css', 'media/chart.css']) {
			assert.ok(files.includes(needed), `${needed} is in the package`);
		}
		const unexpected = files.filter((file) => !/^(dist|media)\//.test(file) && !['package.json', 'readme.md', 'changelog.md', 'LICENSE.txt'].includes(file));
		assert.deepEqual(unexpected, [], 'only dist/, media/ and the docs ship');
		assert.deepEqual(files.filter((file) => /node_modules|\.map$|\.ts$/.test(file)), [], 'no node_modules, sources or source maps');
		const size = (await stat(vsix)).size;
		console.log(`      ${path.basename(vsix)}: ${(size / 1024).toFixed(0)} KiB, ${files.length} files`);
	});

	it('shows the tree, the status bar with a live run, and the panel with curves', async () => {
		workbench = await Workbench.open({ vsix, prepare: async (workspace) => { live = await startLiveDemo(workspace, { intervalMs: 1500 }); } });
		await mkdir(imagesDir, { recursive: true });
		const sidebar = await workbench.openContainer('Experiment Tracker');
		const running = sidebar.locator('.monaco-list-row', { hasText: 'focal_loss_experiment' }).first();
		await running.waitFor({ timeout: 60_000 });
		const statusItem = workbench.page.locator('.statusbar-item', { hasText: 'focal_loss_experiment' }).first();
		const first = await statusItem.innerText();
		await pollUntil(() => statusItem.innerText(), (text) => text !== first, 'the status bar to move with the live run');
		await workbench.page.screenshot({ path: path.join(imagesDir, 'tree-and-status-bar.png') });
		const panel = await openDetailPanel(workbench, 'unet_baseline');
		await panel.locator('#charts path.chart-series--val').first().waitFor({ timeout: 30_000 });
		assert.ok(await panel.locator('#charts .chart-card').count() >= 3, 'a chart per metric family');
		await workbench.page.waitForTimeout(500);
		await workbench.page.screenshot({ path: path.join(imagesDir, 'detail-panel.png') });
		await panel.locator('#charts').scrollIntoViewIfNeeded();
		await workbench.page.waitForTimeout(300);
		await workbench.page.screenshot({ path: path.join(imagesDir, 'metric-curves.png') });
	});
});
