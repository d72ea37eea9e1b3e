import { chromium, type Browser } from 'playwright-core';
import type { Tools } from './tools';

/**
 * Flags for Debian's chromium on a machine with no internet: headless, no sandbox (root),
 * and no background networking, whose refused connections otherwise flood the log.
 */
const chromiumFlags = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
	'--disable-dev-shm-usage',
];

/** Launches headless chromium through playwright-core (which brings no browser of its own). */
export function launchChromium(tools: Tools): Promise<Browser> {
	return chromium.launch({ executablePath: tools.chromium, args: chromiumFlags });
}
