import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createRun } from '../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../src/core/tracker/newTracker';
import type { DetailPanel } from '../../src/extension/detail/detailPanel';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import { getApi } from './api';

/** The run this file creates in the default suite's workspace (and deletes again). */
const runName = 'panel_messages_run';

/** Re-reads `read` every 100 ms until `accept` holds or 15 s pass. */
async function eventually<T>(read: () => T, accept: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = read();
		if (accept(value)) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function allTabs(): vscode.Tab[] {
	return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

/** The files on disk open in text editors, as paths (untitled documents other files left are not). */
function openFiles(): string[] {
	return allTabs().flatMap((tab) => (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'file' ? [tab.input.uri.fsPath] : []));
}

/** What each open tab shows, e.g. `webview panel_messages_run`, in tab order. */
function tabSignatures(): string[] {
	return allTabs().map((tab) => `${tab.input instanceof vscode.TabInputWebview ? 'webview' : tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : 'other'} ${tab.label}`);
}

/**
 * Closes the tabs this file may have opened. Dirty ones (untitled exports of other files) stay:
 * closing them would ask to save.
 */
async function closeCleanTabs(): Promise<void> {
	await vscode.window.tabGroups.close(allTabs().filter((tab) => !tab.isDirty && !(tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'untitled')));
}

/** Messages the panel must refuse, what they try, and the reason it must give. */
function refusedMessages(runDir: string): ReadonlyArray<[string, unknown, RegExp]> {
	const malformed = /^malformed message dropped/;
	const outside = /not inside the run's folder/;
	const notWeb = /only http and https links open/;
	return [
		['null', null, malformed],
		['a bare string', 'ready', malformed],
		['an array', [{ type: 'ready' }], malformed],
		['an object without a type', { path: 'config.json' }, malformed],
		['an unknown type', { type: 'deleteRun' }, malformed],
		['an inherited property name as type', { type: 'constructor' }, malformed],
		['openFile with a number for a path', { type: 'openFile', path: 42 }, /^malformed.*path/],
		['editDescription with an array for text', { type: 'editDescription', text: ['new'] }, /^malformed.*text/],
		['removeTag with an empty tag', { type: 'removeTag', tag: '' }, /^malformed.*tag/],
		['a description of 100,001 characters', { type: 'editDescription', text: 'x'.repeat(100_001) }, /^malformed.*text/],
		['a path of 5,000 characters', { type: 'openFile', path: 'ab/'.repeat(1_667) }, /^malformed.*path/],
		['a URL of 9,000 characters', { type: 'openExternal', url: `https://example.com/${'a'.repeat(9_000)}` }, /^malformed.*url/],
		['a tag of 1,001 characters', { type: 'removeTag', tag: 't'.repeat(1_001) }, /^malformed.*tag/],
		['runCommand of workbench.action.quit', { type: 'runCommand', command: 'workbench.action.quit' }, /^malformed.*command/],
		['runCommand of a full command id', { type: 'runCommand', command: 'experimentTracker.markFailed' }, /^malformed.*command/],
		['openFile of ../../etc/passwd', { type: 'openFile', path: '../../etc/passwd' }, outside],
		['revealFile of ../../etc/passwd', { type: 'revealFile', path: '../../etc/passwd' }, outside],
		['openFile of a path that climbs out through a sub-folder', { type: 'openFile', path: 'checkpoints/../../../README.md' }, outside],
		['openFile of /etc/passwd', { type: 'openFile', path: '/etc/passwd' }, outside],
		['openFile of the run\'s config.json as an absolute path', { type: 'openFile', path: path.join(runDir, 'config.json') }, outside],
		['openFile of the run folder itself', { type: 'openFile', path: '.' }, outside],
		['openFile of a path with a NUL byte', { type: 'openFile', path: 'config.json\0../../etc/passwd' }, outside],
		['openExternal of javascript:', { type: 'openExternal', url: 'javascript:alert(document.cookie)' }, notWeb],
		['openExternal of file:', { type: 'openExternal', url: 'file:///etc/passwd' }, notWeb],
		['openExternal of command:', { type: 'openExternal', url: 'command:workbench.action.quit' }, notWeb],
		['openExternal of vscode:', { type: 'openExternal', url: 'vscode://exptrack.experiment-tracker/open' }, notWeb],
		['openExternal of data:', { type: 'openExternal', url: 'data:text/html,<script>alert(1)</script>' }, notWeb],
		['openExternal of text that is no URL', { type: 'openExternal', url: 'example.com/report' }, notWeb],
	];
}

describe('the detail panel\'s checks of messages from its webview', () => {
	let api: ExperimentTrackerApi;
	let runDir = '';
	let registryFile = '';
	let registryBefore: string | undefined;
	let scratch = '';

	const openPanel = async (): Promise<DetailPanel> => {
		assert.equal(await vscode.commands.executeCommand<string>('experimentTracker.openDetails', runDir), runDir);
		const panel = api.panels.get(runDir);
		assert.ok(panel, 'openDetails opened no panel for the run');
		return panel;
	};

	before(async () => {
		api = await getApi();
		await api.service.ready;
		const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
		assert.ok(workspace, 'the host tests run without a workspace folder');
		const root = path.join(workspace, 'artifacts');
		registryFile = path.join(root, 'experiment_registry.json');
		registryBefore = await readFile(registryFile, 'utf8').catch(() => undefined);
		scratch = await mkdtemp(path.join(os.tmpdir(), 'exptrack-panel-messages-'));
		const configFile = path.join(scratch, 'config.json');
		await writeFile(configFile, JSON.stringify({ training: { epochs: 3, learning_rate: 0.001 }, model: { _target_: 'crackseg.model.core.unet.BaseUNet' } }));
		runDir = (await createRun({ root, workspace, name: runName, description: 'created by detailPanelMessages.test', configFile, environment: emptyEnvironment })).dir;
		await eventually(() => api.service.get(runDir), (run) => run !== undefined, `the index to pick up ${runName}`);
		await closeCleanTabs();
	});

	after(async () => {
		await closeCleanTabs();
		if (runDir) {
			await rm(runDir, { recursive: true, force: true });
			// Leave the default suite's workspace as the other files expect it (their run counts).
			await (registryBefore === undefined ? rm(registryFile, { force: true }) : writeFile(registryFile, registryBefore));
			await vscode.commands.executeCommand('experimentTracker.refresh');
			await eventually(() => api.service.get(runDir), (run) => run === undefined, `the index to drop ${runName}`);
		}
		await rm(scratch, { recursive: true, force: true });
	});

	it('opens a panel for experimentTracker.openDetails and sends it the run once its webview is ready', async () => {
		const panel = await openPanel();
		await eventually(allTabs, (tabs) => tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === runName), 'a panel tab titled with the run name');
		// The real webview posts `ready` as soon as its script runs.
		const sent = await eventually(() => panel.lastData, (data) => data !== undefined, 'the panel to send its data');
		assert.equal(sent?.run.dir, runDir);
		assert.equal(sent?.run.name, runName);
		assert.equal(sent?.config.file, 'config.json');

		assert.deepEqual(await panel.receive({ type: 'ready' }), { handled: true });
		assert.notEqual(panel.lastData, sent, 'ready did not send the data again');
		assert.equal(panel.lastData?.run.name, runName);
	});

	it('refuses malformed, unknown and out-of-bounds messages with a reason, and nothing opens or changes', async () => {
		const panel = await openPanel();
		const trackerBefore = await readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8');
		const tabsBefore = tabSignatures();
		const terminalsBefore = vscode.window.terminals.length;

		for (const [what, message, reason] of refusedMessages(runDir)) {
			const outcome = await panel.receive(message);
			if (outcome.handled) {
				assert.fail(`${what} was handled`);
			}
			assert.match(outcome.reason, reason, what);
		}

		assert.deepEqual(openFiles(), [], 'a refused message opened a file');
		assert.deepEqual(tabSignatures(), tabsBefore, 'a refused message opened or closed a tab');
		assert.equal(vscode.window.terminals.length, terminalsBefore, 'a refused message opened a terminal');
		assert.equal(await readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8'), trackerBefore, 'a refused message changed the tracker file');
		assert.ok(api.panels.get(runDir), 'the panel closed');
	});

	it('opens the run\'s config.json for an openFile message with a path inside the run', async () => {
		const panel = await openPanel();
		const config = path.join(runDir, 'config.json');
		assert.deepEqual(await panel.receive({ type: 'openFile', path: 'config.json' }), { handled: true });
		await eventually(openFiles, (files) => files.includes(config), 'config.json to open in an editor');
		assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, config);
		assert.deepEqual(openFiles(), [config]);

		await vscode.window.tabGroups.close(allTabs().filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'file'));
		assert.deepEqual(await panel.receive({ type: 'openFile', path: 'metrics/../config.json' }), { handled: true });
		await eventually(openFiles, (files) => files.includes(config), 'config.json to open again through metrics/..');
	});
});
