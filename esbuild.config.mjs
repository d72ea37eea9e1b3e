// Bundles what ships: the extension (node/cjs, `vscode` external), the `exptrack` CLI (node/cjs)
// and the detail panel's webview script (browser/esm). Flags: --production minifies, --watch rebuilds.
import * as esbuild from 'esbuild';
import { cp, mkdir } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints start/end lines in the shape the `$esbuild-watch` problem matcher of tasks.json expects. */
const problemMatcher = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => {
			if (watch) {
				console.log('[watch] build started');
			}
		});
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) {
					console.error(`    ${location.file}:${location.line}:${location.column}:`);
				}
			}
			if (watch) {
				console.log('[watch] build finished');
			}
		});
	},
};

const common = {
	bundle: true,
	minify: production,
	sourcemap: production ? false : 'linked',
	sourcesContent: false,
	logLevel: 'silent',
	legalComments: 'none',
	plugins: [problemMatcher],
};

const targets = [
	{
		...common,
		entryPoints: ['src/extension/extension.ts'],
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ['vscode'],
		outfile: 'dist/extension.js',
	},
	{
		...common,
		entryPoints: ['src/cli/main.ts'],
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		banner: { js: '#!/usr/bin/env node' },
		outfile: 'dist/cli.js',
	},
	{
		...common,
		entryPoints: ['src/webview/main.ts'],
		platform: 'browser',
		format: 'esm',
		target: 'es2022',
		outfile: 'dist/webview/detail.js',
	},
];

/** Codicons ship inside dist/ because node_modules is not packaged. */
async function copyCodicons() {
	await mkdir('dist/codicons', { recursive: true });
	for (const file of ['codicon.css', 'codicon.ttf']) {
		await cp(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
	}
}

await copyCodicons();
if (watch) {
	const contexts = await Promise.all(targets.map((options) => esbuild.context(options)));
	await Promise.all(contexts.map((context) => context.watch()));
} else {
	const results = await Promise.allSettled(targets.map((options) => esbuild.build(options)));
	const failed = results.filter((result) => result.status === 'rejected');
	if (failed.length > 0) {
		process.exitCode = 1;
	}
}
