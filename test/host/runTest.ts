import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { hostSuites } from './suites';

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * `npm run test:host:electron`: the same host suites through @vscode/test-electron, for a
 * machine that can download VS Code. EXPTRACK_VSCODE_EXECUTABLE points runTests at an
 * existing VS Code instead (scripts/code-shim stands in for one on a machine without
 * internet and runs the suite in the code-server host).
 */
async function main(): Promise<void> {
	const vscodeExecutablePath = process.env.EXPTRACK_VSCODE_EXECUTABLE;
	for (const suite of hostSuites) {
		if (!suite.trusted) {
			// runTests always passes --disable-workspace-trust, so Restricted Mode cannot be reached through it.
			console.log(`skipping host suite "${suite.name}": Restricted Mode suites run only through "npm run test:host"`);
			continue;
		}
		const workspace = await mkdtemp(path.join(os.tmpdir(), `exptrack-electron-${suite.name}-`));
		try {
			await suite.prepare(workspace);
			await runTests({
				...(vscodeExecutablePath ? { vscodeExecutablePath } : { version: '1.139.1' }),
				extensionDevelopmentPath: repoRoot,
				extensionTestsPath: path.join(repoRoot, 'out', 'test', 'host', 'index'),
				extensionTestsEnv: suite.folder ? { EXPTRACK_HOST_SUITE: suite.folder } : {},
				launchArgs: [workspace, '--disable-extensions'],
			});
		} finally {
			await rm(workspace, { recursive: true, force: true });
		}
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
