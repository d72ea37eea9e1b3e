import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A fresh CSPRNG nonce per render, for the one script and the stylesheets the CSP allows. */
export function createNonce(): string {
	return randomBytes(16).toString('base64');
}

/**
 * The panel's HTML shell. It interpolates only the nonce, `webview.cspSource` and
 * `asWebviewUri` results: no run data ever goes into HTML (it arrives later by postMessage
 * and is rendered with textContent). The CSP starts from `default-src 'none'`: no inline
 * script or style, no eval, no network, images only from the extension and the run's folder.
 */
export function detailHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
	const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
	const csp = [
		`default-src 'none'`,
		`img-src ${webview.cspSource} data:`,
		`style-src ${webview.cspSource} 'nonce-${nonce}'`,
		`font-src ${webview.cspSource}`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${asset('dist', 'codicons', 'codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" nonce="${nonce}" href="${asset('media', 'detail.css')}">
<link rel="stylesheet" nonce="${nonce}" href="${asset('media', 'chart.css')}">
<title>Experiment</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true"><p class="loading">Loading…</p></main>
<script nonce="${nonce}" type="module" src="${asset('dist', 'webview', 'detail.js')}"></script>
</body>
</html>`;
}

/** Webview options: scripts on, everything else off, resources only from dist/, media/ and the run's folder. */
export function detailOptions(extensionUri: vscode.Uri, runDir: string): vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		enableForms: false,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.file(runDir)],
	};
}
