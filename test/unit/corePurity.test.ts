import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const importsVscode = /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

async function sourceFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	const nested = await Promise.all(entries.map((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			return sourceFiles(full);
		}
		return Promise.resolve(/\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : []);
	}));
	return nested.flat();
}

describe('layering', () => {
	for (const layer of ['src/core', 'src/shared']) {
		it(`${layer} never imports vscode`, async () => {
			const files = await sourceFiles(path.join(repoRoot, layer)).catch(() => []);
			const offenders: string[] = [];
			for (const file of files) {
				if (importsVscode.test(await readFile(file, 'utf8'))) {
					offenders.push(path.relative(repoRoot, file));
				}
			}
			assert.deepEqual(offenders, [], `these files import vscode: ${offenders.join(', ')}`);
		});
	}

	it('the scan recognises every form of a vscode import', () => {
		for (const line of [`import * as vscode from 'vscode';`, `import { window } from "vscode";`, `const v = require('vscode');`, `await import('vscode')`]) {
			assert.match(line, importsVscode, line);
		}
		assert.doesNotMatch(`import { z } from 'zod'; // vscode-free`, importsVscode);
	});
});
