import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { log } from './log';
import { repoRoot } from './paths';
import { startServer } from './server';
import type { Tools } from './tools';

/** Console lines of the workbench and extension host that are noise on a machine without internet. */
const noise = /^\[(AgentHost[^\]]*|reconnection-grace-time|ChatModelSelection|AccountPolicyGate|Service Worker|Extension Host)\]|ENOTFOUND|^\s+at |Creating a socket|connection token|builtin extensions cache|took \d+ms|Failed to load resource|vsda|open-vsx|marketplace|Ignoring the error while validating workspace folder|Using default service|The web worker extension host is started|Started local extension host|\[perf\]|Falling back to|Error: Unexpected SIGPIPE|Timed out waiting for authentication provider/;

export interface HostTestRun {
	/** Folder the workbench opens. */
	readonly workspace: string;
	/** Compiled mocha entry (exports `run`) executed inside the extension host. */
	readonly testsEntry: string;
	/** false runs the workspace in Restricted Mode. */
	readonly trusted: boolean;
	/** Passed to the server and so to the extension host (e.g. which suite to run). */
	readonly env?: NodeJS.ProcessEnv;
	readonly timeoutMs?: number;
}

/**
 * Runs a mocha suite inside a real VS Code extension host: the server gets
 * --enable-smoke-test-driver, and the workbench opens with a URL payload naming the
 * extension under development and the tests entry, as @vscode/test-web does. Resolves
 * with the suite's exit code (0 = all passed).
 */
export async function runHostTests(tools: Tools, run: HostTestRun): Promise<number> {
	const server = await startServer(tools, { smokeTestDriver: true, trustAll: run.trusted, env: run.env });
	let browser: Browser | undefined;
	let timer: NodeJS.Timeout | undefined;
	try {
		browser = await launchChromium(tools);
		const page = await browser.newPage();
		const timeoutMs = run.timeoutMs ?? 180_000;
		const exitCode = new Promise<number>((resolve) => {
			timer = setTimeout(() => {
				console.log(`TIMEOUT: the extension host tests did not finish within ${timeoutMs / 1000} s (server log: ${server.logFile})`);
				resolve(2);
			}, timeoutMs);
			void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
			void page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
				const line = format(...args);
				if (!noise.test(line)) {
					console.log(line);
				}
			});
		});
		const payload = [
			['extensionDevelopmentPath', server.remoteUri(repoRoot)],
			['extensionTestsPath', server.remoteUri(run.testsEntry)],
		] as const;
		await page.goto(server.folderUrl(run.workspace, payload));
		const code = await exitCode;
		log(`extension host tests exited with code ${code}`);
		return code;
	} finally {
		clearTimeout(timer);
		await browser?.close().catch(() => undefined);
		await server.stop();
	}
}
