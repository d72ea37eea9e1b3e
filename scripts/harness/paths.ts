import * as path from 'node:path';

/** The repository root (scripts compile to out/scripts/harness). */
export const repoRoot = path.resolve(__dirname, '../../..');

/** Git-ignored folder that holds the pinned test tools. */
export const toolsDir = path.join(repoRoot, '.tools');

/** Versions the harness installs; VS Code selectors in the tests are checked against these. */
export const pins = {
	/** code-server 4.139.1 bundles VS Code 1.139.1. */
	codeServer: '4.139.1',
	/** code-server >= 4.133 needs Node 24; this npm package ships bin/node and the headers node-gyp needs. */
	node24: '24.22.3',
} as const;

/** Where screenshots and logs of test runs go (git-ignored). */
export const resultsDir = path.join(repoRoot, 'test-results');

/** Debian's chromium, driven by playwright-core. */
export const chromiumPath = process.env.EXPTRACK_CHROMIUM ?? '/usr/bin/chromium';
