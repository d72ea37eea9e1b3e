/**
 * Child process for atomicWrite.crash.test: rewrites one file with writeFileAtomic forever,
 * alternating a ~60 KB and a ~180 KB version, and prints `start <version>` before and
 * `done <version>` after each write, until the test kills it with SIGKILL.
 * Usage: node atomicWriteCrashChild.js <target file> <first version>
 */
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../../../../src/core/fs/atomicWrite';

/** The document for a version: `{ version, sha256, payload }`, where sha256 covers `JSON.stringify(payload)`. */
export function crashTestDocument(version: number): string {
	const rows = version % 2 === 0 ? 1_500 : 4_500;
	const payload = Array.from({ length: rows }, (_, index) => `row ${index} of version ${version}: ${'x'.repeat(index % 17)}`);
	const sha256 = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
	return JSON.stringify({ version, sha256, payload }, null, 1);
}

async function writeForever(target: string, firstVersion: number): Promise<void> {
	for (let version = firstVersion; ; version++) {
		const text = crashTestDocument(version);
		process.stdout.write(`start ${version}\n`);
		await writeFileAtomic(target, text);
		process.stdout.write(`done ${version}\n`);
	}
}

if (require.main === module) {
	const [target, firstVersion] = process.argv.slice(2);
	writeForever(target, Number(firstVersion)).catch((error: unknown) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
