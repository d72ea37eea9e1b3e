import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { VerifyCheck } from '../../src/core/runs/verifyRun';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import { missingArtifactName, missingArtifactRun, rerunName } from './fixtures';
import { closeAllEditors, loadedApi, resetView, runNamed, runNode } from './hostHelpers';

/** The diff editors open now, as [original, modified] file paths. */
function openDiffs(): Array<[string, string]> {
	return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
		.flatMap((tab) => (tab.input instanceof vscode.TabInputTextDiff ? [[tab.input.original.fsPath, tab.input.modified.fsPath] as [string, string]] : []));
}

/** A run name as escapeMarkdown writes it. */
const md = (name: string) => name.replace(/_/g, '\\_');

describe('compare configs, export and verify', () => {
	let api: ExperimentTrackerApi;
	const configOf = (name: string) => path.join(runNamed(api, name).dir, 'config.json');

	before(async () => {
		api = await loadedApi();
	});

	beforeEach(async () => {
		await closeAllEditors();
		await resetView();
	});

	after(async () => {
		await closeAllEditors();
		await resetView();
	});

	it('opens the diff editor on the config.json of two selected runs', async () => {
		const selection = [await runNode(api, 'unet_baseline'), await runNode(api, 'swinv2_hybrid')];
		assert.equal(await vscode.commands.executeCommand('experimentTracker.compareConfigs', selection[0], selection), true);
		assert.deepEqual(openDiffs(), [[configOf('unet_baseline'), configOf('swinv2_hybrid')]]);
		const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
		assert.equal(tab?.label, 'config.json: unet_baseline ↔ swinv2_hybrid');
	});

	it('compares two runs with the same config_hash', async () => {
		const baseline = runNamed(api, 'unet_baseline');
		const rerun = runNamed(api, rerunName);
		assert.ok(baseline.configHash !== '' && baseline.configHash === rerun.configHash, 'the fixture reran the same config');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.compareConfigs', undefined, [{ dir: rerun.dir }, { dir: baseline.dir }]), true);
		assert.deepEqual(openDiffs(), [[configOf(rerunName), configOf('unet_baseline')]]);
	});

	it('does not compare a run that has no config.json', async () => {
		const trainerOnly = runNamed(api, 'swinv2_360x360');
		assert.equal(await vscode.commands.executeCommand('experimentTracker.compareConfigs', undefined, [trainerOnly, runNamed(api, 'unet_baseline')]), false);
		assert.deepEqual(openDiffs(), []);
	});

	it('exports one run in full as an untitled Markdown document', async () => {
		const run = runNamed(api, 'unet_baseline');
		const document = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportMarkdown', await runNode(api, 'unet_baseline'));
		assert.equal(document.isUntitled, true);
		assert.equal(document.languageId, 'markdown');
		assert.equal(vscode.window.activeTextEditor?.document, document);
		const text = document.getText();
		assert.ok(text.startsWith(`# ${md('unet_baseline')}\n`), text.slice(0, 80));
		assert.ok(text.includes(md(run.id)));
		assert.ok(text.includes('## Configuration'));
	});

	it('exports the selected runs as a Markdown table', async () => {
		const selection = [await runNode(api, 'high_lr_experiment'), await runNode(api, 'low_lr_experiment')];
		const document = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportMarkdown', selection[0], selection);
		const text = document.getText();
		assert.ok(text.startsWith('# Selected experiments\n'), text.slice(0, 80));
		const rows = text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Name') && !line.startsWith('| ---'));
		assert.deepEqual(rows.map((row) => row.split(' | ')[0]), [`| ${md('high_lr_experiment')}`, `| ${md('low_lr_experiment')}`]);
	});

	it('exports the runs the tree shows, filter included', async () => {
		await vscode.commands.executeCommand('experimentTracker.filter', 'lr-sweep');
		const document = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportMarkdown');
		const text = document.getText();
		assert.ok(text.startsWith('# Experiments matching "lr-sweep"\n'), text.slice(0, 80));
		assert.ok(text.includes(md('high_lr_experiment')) && text.includes(md('low_lr_experiment')));
		assert.ok(!text.includes(md('unet_baseline')));
	});

	it('exports runs as an untitled CSV document: the selection, else every run the tree shows', async () => {
		const selection = [runNamed(api, 'unet_baseline'), runNamed(api, 'swinv2_export')];
		const selected = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportCsv', undefined, selection);
		assert.equal(selected.isUntitled, true);
		// One row per run: every row starts with the run's id (a quoted description may span lines).
		const rowsOf = (document: vscode.TextDocument) => document.getText().split(/\r?\n/).filter((line) => /^(\d{8}-\d{6}-|experiment_)/.test(line));
		const lines = [selected.getText().split(/\r?\n/)[0]!, ...rowsOf(selected)];
		assert.match(lines[0]!, /^id,name,status,inferred_status,stale,current_epoch,total_epochs,created_at,started_at,completed_at,training_time_seconds,tags,description,dir,metrics_source,/);
		assert.deepEqual(lines.slice(1).map((line) => line.split(',').slice(0, 3)), [
			[selection[0]!.id, 'unet_baseline', 'completed'],
			[selection[1]!.id, 'swinv2_export', 'completed'],
		]);
		const all = await vscode.commands.executeCommand<vscode.TextDocument>('experimentTracker.exportCsv');
		assert.equal(rowsOf(all).length, 11);
	});

	it('verifies a run whose config and recorded files are intact, in a report', async () => {
		const checks = await vscode.commands.executeCommand<VerifyCheck[]>('experimentTracker.verifyReproducibility', runNamed(api, 'unet_baseline').dir);
		const byName = new Map(checks.map((check) => [check.name, check]));
		assert.deepEqual([byName.get('config')?.ok, byName.get('config')?.checked], [true, true]);
		assert.deepEqual([byName.get('artifacts')?.ok, byName.get('artifacts')?.checked], [true, true]);
		const report = vscode.window.activeTextEditor?.document;
		assert.equal(report?.languageId, 'markdown');
		assert.ok(report!.getText().startsWith(`# Reproducibility: ${md('unet_baseline')}\n`));
	});

	it('reports a recorded artifact that is gone', async () => {
		const checks = await vscode.commands.executeCommand<VerifyCheck[]>('experimentTracker.verifyReproducibility', runNamed(api, missingArtifactRun).dir);
		const artifacts = checks.find((check) => check.name === 'artifacts');
		assert.equal(artifacts?.ok, false);
		assert.match(artifacts!.detail, new RegExp(`missing: .*${missingArtifactName.replace(/\./g, '\\.')}`));
		const report = vscode.window.activeTextEditor!.document.getText();
		assert.match(report, /Not reproducible as recorded: artifacts/);
		assert.match(report, /\| artifacts \| FAILED \|/);
	});
});
