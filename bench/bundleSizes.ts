import { build, type BuildOptions } from 'esbuild';
import * as path from 'node:path';

/** Size of one production bundle, in bytes. */
export interface BundleSize {
	/** The path it ships at (`dist/extension.js`, …). */
	readonly file: string;
	/** NaN when the bundle did not build. */
	readonly bytes: number;
	/** Why the bundle did not build (the first esbuild error). */
	readonly error?: string;
}

/**
 * The four bundles of esbuild.config.mjs with its `--production` options (minified, no source
 * map, no legal comments). Kept in step with that file by hand: it runs its builds on import,
 * so it cannot be imported here.
 */
function productionTargets(repo: string): BuildOptions[] {
	const common: BuildOptions = { bundle: true, minify: true, sourcemap: false, sourcesContent: false, logLevel: 'silent', legalComments: 'none', absWorkingDir: repo, write: false };
	return [
		{ ...common, entryPoints: ['src/extension/extension.ts'], platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], outfile: 'dist/extension.js' },
		{ ...common, entryPoints: ['src/cli/main.ts'], platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' }, outfile: 'dist/cli.js' },
		{ ...common, entryPoints: ['src/core/index/scanWorker.ts'], platform: 'node', format: 'cjs', target: 'node20', outfile: 'dist/scanWorker.js' },
		{ ...common, entryPoints: ['src/webview/main.ts'], platform: 'browser', format: 'esm', target: 'es2022', outfile: 'dist/webview/detail.js' },
	];
}

/**
 * Builds the production bundles in memory (`write: false`) and returns their sizes: dist/ is
 * left as `npm run compile` built it, and nothing is written anywhere. A bundle that fails to
 * build is reported with its error, not thrown, so the other figures still come out.
 */
export async function measureBundleSizes(repo: string): Promise<BundleSize[]> {
	const sizes: BundleSize[] = [];
	for (const options of productionTargets(repo)) {
		const outfile = path.resolve(repo, options.outfile!);
		try {
			const result = await build(options);
			const output = result.outputFiles?.find((file) => file.path === outfile);
			sizes.push(output ? { file: options.outfile!, bytes: output.contents.byteLength } : { file: options.outfile!, bytes: Number.NaN, error: 'esbuild wrote no such file' });
		} catch (error) {
			const first = (error as { errors?: Array<{ text: string }> }).errors?.[0]?.text ?? String(error);
			sizes.push({ file: options.outfile!, bytes: Number.NaN, error: first });
		}
	}
	return sizes;
}
