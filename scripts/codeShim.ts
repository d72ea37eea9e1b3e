import { stat } from 'node:fs/promises';
import { runHostTests } from './harness/hostTests';
import { ensureTools } from './harness/tools';

/**
 * Reads the arguments @vscode/test-electron passes to VS Code (--extensionDevelopmentPath=,
 * --extensionTestsPath=, the workspace folder, trust flags) and runs those tests in the
 * code-server extension host. Exits with the tests' exit code, as VS Code would.
 */
async function main(argv: string[]): Promise<number> {
	let testsPath: string | undefined;
	let workspace: string | undefined;
	let trusted = false;
	for (const arg of argv) {
		if (arg.startsWith('--extensionTestsPath=')) {
			testsPath = arg.slice('--extensionTestsPath='.length);
		} else if (arg === '--disable-workspace-trust') {
			trusted = true;
		} else if (!arg.startsWith('--') && (await stat(arg).then((info) => info.isDirectory(), () => false))) {
			workspace = arg;
		}
	}
	if (!testsPath || !workspace) {
		console.error('code-shim: expected --extensionTestsPath=… and a workspace folder');
		return 2;
	}
	const testsEntry = testsPath.endsWith('.js') ? testsPath : `${testsPath}.js`;
	// runHostTests always loads this repository as the extension under development.
	return runHostTests(await ensureTools(), { workspace, testsEntry, trusted, env: { EXPTRACK_HOST_SUITE: process.env.EXPTRACK_HOST_SUITE } });
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
	console.error(`code-shim: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
