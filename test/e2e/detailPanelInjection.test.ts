import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { createRun } from '../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../src/core/tracker/newTracker';
import { screenshotOnFailure } from './failureScreenshot';
import { allPayloads, descriptionLink, writeInjectionRun, type InjectionRun } from './injectionRun';
import { pollUntil } from '../shared/poll';
import { definitionList, openDetailPanel, pwnedMarker, visibleWebview, visibleWebviewHost } from './webviewFrame';
import { Workbench } from './workbench';

/** A script element of the panel's document, as the tests see it. */
interface ScriptElement {
	readonly id: string;
	readonly src: string;
	readonly nonce: string;
	readonly textContent: string | null;
}

/** The panel's CSP and the nonce its script carries. */
async function panelSecurity(panel: FrameLocator): Promise<{ csp: string; scriptNonces: string[] }> {
	const metas = panel.locator('meta[http-equiv="Content-Security-Policy"]');
	assert.equal(await metas.count(), 1, 'not exactly one CSP meta tag');
	const scripts = await panel.locator('script').evaluateAll((elements: ScriptElement[]) => elements.map((script) => ({ id: script.id, src: script.src, nonce: script.nonce })));
	return { csp: await metas.getAttribute('content') ?? '', scriptNonces: scripts.filter((script) => script.nonce !== '').map((script) => script.nonce) };
}

describe('the detail panel given run data that holds markup, script and template payloads', () => {
	let workbench: Workbench | undefined;
	let injection: InjectionRun | undefined;

	before(async () => {
		workbench = await Workbench.open({
			prepare: async (workspace) => {
				injection = await writeInjectionRun(workspace);
				await createRun({ root: path.join(workspace, 'artifacts'), workspace, name: 'plain_run', description: 'nothing special', environment: emptyEnvironment });
			},
		});
	});

	after(async () => {
		await workbench?.close();
	});

	screenshotOnFailure(() => workbench);

	it('shows every payload as literal text: name, id, tags, description, metric names, config summary and artifact names', async () => {
		assert.ok(workbench && injection);
		await workbench.openContainer('Experiment Tracker');
		await workbench.treeRows(injection.name).first().waitFor({ timeout: 60_000 });
		const panel = await openDetailPanel(workbench, injection.name);

		assert.equal(await panel.locator('h1.run-name').textContent(), injection.name);
		assert.equal(await panel.locator('.run-id code').textContent(), injection.id);
		assert.deepEqual(await panel.locator('.tags li.tag').allTextContents(), allPayloads);
		assert.equal(await panel.locator('.description-block p.description').textContent(), injection.description);
		assert.deepEqual((await panel.locator('#metrics .metric-name').allTextContents()).sort(), [...injection.bestMetricNames].sort());
		assert.deepEqual(await definitionList(panel.locator('#config dl.fields')), injection.configSummary);
		const artifactNames = await panel.locator('#artifacts .artifact-name').allTextContents();
		for (const name of injection.artifactNames) {
			assert.ok(artifactNames.includes(name), `${name} is not listed (artifacts: ${JSON.stringify(artifactNames)})`);
		}
		for (const payload of allPayloads) {
			await panel.getByText(payload).first().waitFor();
		}
		await workbench.screenshot('panel-injection');
	});

	it('creates no element and runs no script from any payload, in the panel, its host frame or the workbench', async () => {
		assert.ok(workbench && injection);
		const panel = visibleWebview(workbench.page);
		// The payload-named image is a real file: once it has loaded, an onerror/onload payload would have fired.
		const image = panel.locator('#artifacts .gallery img');
		await image.scrollIntoViewIfNeeded();
		await pollUntil(() => image.evaluate((img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0), (loaded) => loaded, 'the payload-named image to load');
		assert.match(await image.getAttribute('src') ?? '', /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\/.*javascript%3Awindow\.__pwned%3D3\.png$/);

		for (const selector of ['img[src="x"]', '[onerror]', '[onload]', 'svg[onload]', 'a[href^="javascript:"]', 'iframe', 'object', 'embed', 'form', 'base', 'meta[http-equiv="refresh"]']) {
			assert.equal(await panel.locator(selector).count(), 0, `the panel holds ${selector}`);
		}
		assert.equal(await panel.locator('img').count(), 1, 'an image other than the run\'s visualization');
		const scripts = await panel.locator('script').evaluateAll((elements: ScriptElement[]) => elements.map((script) => ({ id: script.id, src: script.src, nonce: script.nonce, inline: (script.textContent ?? '').trim() !== '' })));
		// VS Code's own acquireVsCodeApi script, then the panel's one nonce-carrying module.
		const ours = scripts.filter((script) => script.id !== '_vscodeApiScript');
		assert.equal(scripts.length - ours.length, 1, `scripts: ${JSON.stringify(scripts)}`);
		assert.equal(ours.length, 1, `scripts beyond the panel's own: ${JSON.stringify(scripts)}`);
		assert.ok(ours[0]!.nonce !== '' && !ours[0]!.inline && ours[0]!.src.endsWith('/dist/webview/detail.js'), JSON.stringify(ours[0]));

		assert.equal(await pwnedMarker(panel), undefined, 'a payload ran in the panel');
		assert.equal(await pwnedMarker(visibleWebviewHost(workbench.page)), undefined, 'a payload ran in the webview host frame');
		assert.equal(await workbench.page.evaluate('typeof window.__pwned'), 'undefined', 'a payload ran in the workbench');
	});

	it('loads under a CSP from default-src \'none\' whose script nonce is 16 random bytes, new for every panel', async () => {
		assert.ok(workbench && injection);
		const first = await panelSecurity(visibleWebview(workbench.page));
		assert.ok(first.csp.startsWith('default-src \'none\''), first.csp);
		assert.doesNotMatch(first.csp, /unsafe-inline|unsafe-eval|unsafe-hashes/);
		assert.doesNotMatch(first.csp, /(?:^|\s)(?:\*|https?:)(?=\s|;|$)/, 'a source that allows any host');
		const scriptSource = /(?:^|;)\s*script-src ([^;]*)/.exec(first.csp)?.[1]?.trim();
		assert.match(scriptSource ?? '', /^'nonce-[A-Za-z0-9+/]+={0,2}'$/, `script-src allows more than a nonce: ${scriptSource}`);
		assert.equal(first.scriptNonces.length, 1);
		const nonce = first.scriptNonces[0]!;
		assert.equal(scriptSource, `'nonce-${nonce}'`);
		assert.ok(Buffer.from(nonce, 'base64').length >= 16, `the nonce ${nonce} has fewer than 16 bytes`);

		const second = await panelSecurity(await openDetailPanel(workbench, 'plain_run'));
		assert.equal(second.scriptNonces.length, 1);
		assert.notEqual(second.scriptNonces[0], nonce, 'two panels share a nonce');
		await openDetailPanel(workbench, injection.name);
	});

	it('opens a link of the description only after VS Code asks to open the external website', async () => {
		assert.ok(workbench && injection);
		const panel = visibleWebview(workbench.page);
		const link = panel.locator('.description-block p.description a');
		assert.deepEqual(await link.allTextContents(), [descriptionLink], 'only the http link is a link');
		assert.equal(await link.getAttribute('href'), '#');
		const pagesBefore = workbench.page.context().pages().length;
		await link.click();
		const dialog = workbench.page.locator('.monaco-dialog-box');
		await dialog.waitFor({ timeout: 15_000 });
		assert.match(await dialog.innerText(), /open the external website/i);
		assert.ok((await dialog.innerText()).includes(descriptionLink), await dialog.innerText());
		await workbench.screenshot('panel-injection-link-prompt');
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await dialog.waitFor({ state: 'hidden' });
		assert.equal(workbench.page.context().pages().length, pagesBefore, 'a browser tab opened although the prompt was cancelled');
	});
});
