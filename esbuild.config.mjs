// Bundles what ships: the extension (node/cjs, `vscode` external), the `exptrack` CLI (node/cjs),
// the run index's scan worker (node/cjs, loaded from beside both) and the detail panel's webview
// script (browser/esm). Flags: --production minifies, --watch rebuilds.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';

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
		// The run index's cold-load worker thread, loaded from beside extension.js and cli.js.
		...common,
		entryPoints: ['src/core/index/scanWorker.ts'],
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		outfile: 'dist/scanWorker.js',
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

/**
 * The JSON schemas of the run files, generated from the zod schemas (scripts/generateSchemas.ts,
 * bundled to a scratch file and run) into dist/schemas/ for `contributes.jsonValidation`.
 */
async function generateSchemas() {
	const script = 'out/bundled/generateSchemas.js';
	await esbuild.build({ entryPoints: ['scripts/generateSchemas.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', outfile: script });
	execFileSync(process.execPath, [script, 'dist/schemas'], { stdio: production ? 'inherit' : 'ignore' });
}

if (production) {
	// A clean dist/: no source map or stale file of a development build may end up in the package.
	await rm('dist', { recursive: true, force: true });
}
await copyCodicons();
await generateSchemas();
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
