import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { runHostTests } from './harness/hostTests';
import { log } from './harness/log';
import { repoRoot } from './harness/paths';
import { ensureTools } from './harness/tools';
import { hostSuites } from '../test/host/suites';

/**
 * `npm run test:host`: runs each host suite (test/host/suites.ts) in a real VS Code 1.139
 * extension host, one server and one workspace per suite. Exits non-zero if any fails.
 */
async function main(): Promise<number> {
	const tools = await ensureTools();
	const only = process.argv[2];
	let failed = 0;
	for (const suite of hostSuites.filter((entry) => !only || entry.name === only)) {
		const workspace = await mkdtemp(path.join(os.tmpdir(), `exptrack-host-${suite.name}-`));
		try {
			await mkdir(workspace, { recursive: true });
			await suite.prepare(workspace);
			log(`host suite "${suite.name}" in ${workspace}${suite.trusted ? '' : ' (Restricted Mode)'}`);
			const code = await runHostTests(tools, {
				workspace,
				trusted: suite.trusted,
				testsEntry: path.join(repoRoot, 'out', 'test', 'host', 'index.js'),
				env: suite.folder ? { EXPTRACK_HOST_SUITE: suite.folder } : {},
			});
			if (code !== 0) {
				failed += 1;
			}
		} finally {
			await rm(workspace, { recursive: true, force: true });
		}
	}
	log(failed === 0 ? 'all host suites passed' : `${failed} host suite(s) failed`);
	return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
	console.error(`host tests could not run: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
