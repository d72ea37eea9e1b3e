import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExperimentTrackerApi } from '../../src/extension/extension';
import { closeAllEditors, loadedApi, runNamed, waitFor } from './hostHelpers';

/** The spec's §6.2 completed-run file (plain JSON, no NaN), from the repository (out/test/host → root). */
const completedFixture = path.resolve(__dirname, '../../..', 'test/fixtures/python/experiment_tracker.completed.json');

/** Generous: the JSON language server starts on the first JSON document and loads the schema then. */
const serverTimeoutMs = 45_000;

/**
 * The problems VS Code shows for `uri`. Not filtered by source: the JSON language server tags
 * its syntax errors "json" but leaves schema problems without a source.
 */
function jsonDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri);
}

async function hoverText(document: vscode.TextDocument, key: string): Promise<string> {
	const offset = document.getText().indexOf(`"${key}"`);
	assert.ok(offset >= 0, `${key} is in ${document.uri.path}`);
	const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 2));
	const markdown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
	// The JSON language server escapes the description's punctuation for Markdown.
	return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** Polls hover on `key` until it shows `expected`: proof that the schema is associated and loaded. */
async function waitForHover(document: vscode.TextDocument, key: string, expected: string): Promise<string> {
	return waitFor(() => hoverText(document, key), (text) => text.includes(expected), `the hover of "${key}" in ${path.basename(document.uri.path)}`, serverTimeoutMs);
}

/**
 * Shows `document` and replaces its text in memory. The JSON client pulls diagnostics for the
 * visible editor, so the document must be shown for its problems to be computed.
 */
async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
	await vscode.window.showTextDocument(document);
	const edit = new vscode.WorkspaceEdit();
	edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
	assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
}

async function open(file: string): Promise<vscode.TextDocument> {
	const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
	await vscode.window.showTextDocument(document);
	assert.equal(document.languageId, 'json');
	return document;
}

/** One line per problem for the log: what an editor shows in the Problems view. */
function describeProblems(diagnostics: readonly vscode.Diagnostic[]): string {
	return diagnostics.map((diagnostic) => `line ${diagnostic.range.start.line + 1} ${vscode.DiagnosticSeverity[diagnostic.severity]} (${diagnostic.source ?? 'no source'}): ${diagnostic.message}`).join('; ');
}

function lineOf(document: vscode.TextDocument, text: string): number {
	return document.positionAt(document.getText().indexOf(text)).line;
}

/**
 * Where the tests edit a copy of the §6.2 file, as `<this>/experiments/<id>/experiment_tracker.json`:
 * the schema association matches it, but it lies outside the extension's roots, so no edit
 * (saved or not) reaches the run index that other host tests read. Demo runs are only opened.
 */
const scratchFolder = 'json-schema-check';

describe('JSON schema validation of CrackSeg run files in the editor', () => {
	let api: ExperimentTrackerApi;
	let fixtureText: string;
	let scratch: vscode.TextDocument;

	before(async () => {
		api = await loadedApi();
		fixtureText = await readFile(completedFixture, 'utf8');
		assert.ok(vscode.extensions.getExtension('vscode.json-language-features'), 'VS Code\'s JSON language features are built in');
		const workspace = vscode.workspace.workspaceFolders![0].uri;
		const file = vscode.Uri.joinPath(workspace, scratchFolder, 'experiments', '20261204-152927-unet_baseline', 'experiment_tracker.json');
		await vscode.workspace.fs.writeFile(file, Buffer.from(fixtureText, 'utf8'));
		scratch = await open(file.fsPath);
	});

	after(async () => {
		// Saved, so that closing asks nothing. The copy stays: deleting it while the workbench still
		// held its model made a later save fail; the harness removes the temporary workspace anyway.
		await scratch.save();
		await closeAllEditors();
	});

	it('runs VS Code\'s JSON language server, which shows a field\'s description on hover in a run\'s tracker file', async () => {
		const tracker = await open(path.join(runNamed(api, 'unet_baseline').dir, 'experiment_tracker.json'));
		assert.match(tracker.uri.path, /\/artifacts\/experiments\/[^/]+\/experiment_tracker\.json$/);
		const text = await waitForHover(tracker, 'updated_at', 'not a last-modified time');
		assert.match(text, /update_description, add_tags, remove_tags/);
		assert.equal(vscode.extensions.getExtension('vscode.json-language-features')?.isActive, true);
	});

	it('reports no problem for the completed-run file of spec §6.2', async () => {
		// First a problem it must report, so that "no problem" below is a validation result, not silence.
		await replaceText(scratch, fixtureText.replace('"status": "completed",', '"status": "completed",\n  "learning_rate": 0.1,'));
		await waitFor(() => jsonDiagnostics(scratch.uri), (found) => found.length > 0, 'a problem for the unknown key', serverTimeoutMs);
		await replaceText(scratch, fixtureText);
		const after = await waitFor(() => jsonDiagnostics(scratch.uri), (found) => found.length === 0, 'the problems to clear', serverTimeoutMs);
		assert.deepEqual(after, []);
	});

	it('flags an unknown key and tags given as a string, each on its own line', async () => {
		await replaceText(scratch, fixtureText
			.replace('"status": "completed",', '"status": "completed",\n  "learning_rate": 0.1,')
			.replace(/"tags": \[[^\]]*\]/, '"tags": "x"'));
		const found = await waitFor(() => jsonDiagnostics(scratch.uri), (diagnostics) => diagnostics.length >= 2, 'two problems', serverTimeoutMs);
		console.log(`schema problems: ${describeProblems(found)}`);
		const byLine = found.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message] as const).sort(([a], [b]) => a - b);
		assert.equal(byLine.length, 2);
		assert.deepEqual(byLine[0], [lineOf(scratch, '"learning_rate"'), 'Property learning_rate is not allowed.']);
		assert.deepEqual(byLine[1], [lineOf(scratch, '"tags"'), 'Incorrect type. Expected "array".']);
	});

	it('shows bare NaN, as Python writes a diverged metric, as a syntax error at the token only', async () => {
		await replaceText(scratch, fixtureText.replace('"val_loss": 0.38', '"val_loss": NaN'));
		const nanLine = lineOf(scratch, 'NaN');
		// Waits for the problems of this text: those of the previous test's text are still shown at first.
		const found = await waitFor(() => jsonDiagnostics(scratch.uri), (diagnostics) => diagnostics.length > 0 && diagnostics.every((diagnostic) => diagnostic.range.start.line === nanLine), 'problems at NaN only', serverTimeoutMs);
		console.log(`NaN problems: ${describeProblems(found)}`);
		assert.ok(found.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), 'syntax errors, no schema warning');
	});

	it('also applies to ArtifactManager folders and to experiment_info.json', async () => {
		const managed = await open(path.join(runNamed(api, 'swinv2_export').dir, 'experiment_tracker.json'));
		assert.match(await waitForHover(managed, 'git_dirty', 'not a git repository'), /unstaged changes/);
		const info = await open(path.join(runNamed(api, 'unet_baseline').dir, 'experiment_info.json'));
		assert.match(await waitForHover(info, 'config', 'not JSON'), /str\(\) of the resolved config/);
	});
});
