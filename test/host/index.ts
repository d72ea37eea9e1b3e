import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import ClosingLineReporter from '../reporter';

/**
 * Entry point VS Code calls inside the extension host (`extensionTestsPath`). Runs the
 * `*.test.js` files of this folder, or of the sub-folder named by EXPTRACK_HOST_SUITE
 * (a suite that needs another workspace or Restricted Mode).
 */
export function run(): Promise<void> {
	const suite = process.env.EXPTRACK_HOST_SUITE;
	const dir = suite ? path.join(__dirname, suite) : __dirname;
	const layer = `host${suite ? ` (${suite})` : ''}`;
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: ClosingLineReporter, reporterOptions: { layer } });
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) {
		mocha.addFile(path.join(dir, file));
	}
	return new Promise((resolve, reject) => {
		mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host tests failed`)) : resolve()));
	});
}
