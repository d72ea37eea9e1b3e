import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureEnvironment } from '../../../../src/core/tracker/environment';

describe('the environment of a new run when no Python answers', function () {
	this.timeout(20_000);

	it('writes the platform in Python\'s shape, with the C library\'s version on Linux', async function () {
		if (process.platform !== 'linux') {
			this.skip();
		}
		const folder = await mkdtemp(path.join(os.tmpdir(), 'exptrack-env-'));
		const saved = { PATH: process.env.PATH, VIRTUAL_ENV: process.env.VIRTUAL_ENV, CONDA_PREFIX: process.env.CONDA_PREFIX };
		try {
			// A PATH with getconf and nothing else: no python3, no python, no git.
			const getconf = execFileSync('sh', ['-c', 'command -v getconf'], { encoding: 'utf8' }).trim();
			await symlink(getconf, path.join(folder, 'getconf'));
			process.env.PATH = folder;
			delete process.env.VIRTUAL_ENV;
			delete process.env.CONDA_PREFIX;
			const environment = await captureEnvironment({ workspace: folder, runDir: folder, timeoutMs: 3000 });
			const glibc = /^glibc (\S+)/.exec(execFileSync(getconf, ['GNU_LIBC_VERSION'], { encoding: 'utf8' }))?.[1];
			assert.equal(environment.pythonVersion, '');
			assert.equal(environment.platform, `Linux-${os.release()}-${os.machine()}${glibc ? `-with-glibc${glibc}` : ''}`);
		} finally {
			for (const [name, value] of Object.entries(saved)) {
				if (value === undefined) {
					delete process.env[name];
				} else {
					process.env[name] = value;
				}
			}
			await rm(folder, { recursive: true, force: true });
		}
	});
});
