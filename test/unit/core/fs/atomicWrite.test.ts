import * as assert from 'node:assert/strict';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAtomicWriteTemp, removeStaleAtomicTemps, renameWithRetry, writeFileAtomic } from '../../../../src/core/fs/atomicWrite';

function errnoError(code: string): NodeJS.ErrnoException {
	return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeFileAtomic', () => {
	let directory: string;

	beforeEach(async () => {
		directory = await mkdtemp(path.join(os.tmpdir(), 'atomic-'));
	});

	afterEach(async () => {
		await rm(directory, { recursive: true, force: true });
	});

	it('creates and then replaces a file, from a string or bytes, leaving no temp file', async () => {
		const file = path.join(directory, 'experiment_tracker.json');
		await writeFileAtomic(file, '{\n  "status": "running"\n}');
		assert.equal(await readFile(file, 'utf8'), '{\n  "status": "running"\n}');
		await writeFileAtomic(file, new TextEncoder().encode('{"status": "grieta_ñ"}'));
		assert.equal(await readFile(file, 'utf8'), '{"status": "grieta_ñ"}');
		assert.deepEqual(await readdir(directory), ['experiment_tracker.json']);
	});

	it('keeps the mode of the file it replaces, and applies an explicit mode', async function () {
		if (process.platform === 'win32') {
			this.skip();
		}
		const file = path.join(directory, 'a.json');
		await writeFile(file, 'old');
		await chmod(file, 0o640);
		await writeFileAtomic(file, 'new');
		assert.equal((await stat(file)).mode & 0o777, 0o640);
		await writeFileAtomic(file, 'newer', { mode: 0o600 });
		assert.equal((await stat(file)).mode & 0o777, 0o600);
		const fresh = path.join(directory, 'b.json');
		await writeFileAtomic(fresh, 'x', { mode: 0o664 });
		assert.equal((await stat(fresh)).mode & 0o777, 0o664, 'the umask does not strip an explicit mode');
	});

	it('replaces the target of a symlink and keeps the link', async function () {
		if (process.platform === 'win32') {
			this.skip();
		}
		const real = path.join(directory, 'real.json');
		const link = path.join(directory, 'link.json');
		await writeFile(real, 'old');
		await symlink(real, link);
		await writeFileAtomic(link, 'new');
		assert.equal(await readFile(real, 'utf8'), 'new');
		assert.ok((await lstat(link)).isSymbolicLink());
	});

	it('removes its temp file and leaves the target alone when the rename fails', async () => {
		const target = path.join(directory, 'taken');
		await mkdir(target);
		await writeFile(path.join(target, 'inside'), 'keep');
		await assert.rejects(writeFileAtomic(target, 'data'), (error: NodeJS.ErrnoException) => ['EISDIR', 'ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code ?? ''));
		assert.deepEqual(await readdir(directory), ['taken']);
		assert.deepEqual(await readdir(target), ['inside']);
	});

	it('fails cleanly when the directory does not exist', async () => {
		await assert.rejects(writeFileAtomic(path.join(directory, 'missing', 'a.json'), 'x'), { code: 'ENOENT' });
		assert.deepEqual(await readdir(directory), []);
	});

	it('lets concurrent writers race without ever mixing their contents', async () => {
		const file = path.join(directory, 'race.json');
		const versions = Array.from({ length: 20 }, (_, index) => JSON.stringify({ writer: index, body: String(index).repeat(5000) }));
		await Promise.all(versions.map((text) => writeFileAtomic(file, text)));
		assert.ok(versions.includes(await readFile(file, 'utf8')));
		assert.deepEqual(await readdir(directory), ['race.json']);
	});
});

describe('renameWithRetry', () => {
	it('retries transient EPERM, EBUSY and EACCES errors until the rename succeeds', async () => {
		for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
			let calls = 0;
			await renameWithRetry('from', 'to', () => (++calls < 3 ? Promise.reject(errnoError(code)) : Promise.resolve()));
			assert.equal(calls, 3, code);
		}
	});

	it('gives up on a file that stays locked, with the last error', async () => {
		let calls = 0;
		await assert.rejects(renameWithRetry('from', 'to', () => {
			calls++;
			return Promise.reject(errnoError('EBUSY'));
		}), { code: 'EBUSY' });
		assert.ok(calls > 3 && calls < 20, `${calls} attempts`);
	});

	it('does not retry other errors', async () => {
		let calls = 0;
		await assert.rejects(renameWithRetry('from', 'to', () => {
			calls++;
			return Promise.reject(errnoError('ENOENT'));
		}), { code: 'ENOENT' });
		assert.equal(calls, 1);
	});
});

describe('atomic write temp files', () => {
	it('are recognised by name', () => {
		for (const name of ['.experiment_tracker.json.4242.0123456789ab.tmp', '.a.1.abcdefabcdef.tmp', '..hidden.json.77.000000000000.tmp']) {
			assert.ok(isAtomicWriteTemp(name), name);
		}
		for (const name of ['experiment_tracker.json', '.experiment_tracker.json', 'a.1.abcdefabcdef.tmp', '.a.1.abcdefabcdef.tmp.json', '.a.x.abcdefabcdef.tmp', '.a.1.ABCDEFABCDEF.tmp', '.a.1.abc.tmp', '.tmp']) {
			assert.ok(!isAtomicWriteTemp(name), name);
		}
	});

	it('older than the given age are removed, everything else is kept', async () => {
		const directory = await mkdtemp(path.join(os.tmpdir(), 'atomic-stale-'));
		try {
			const hourAgo = new Date(Date.now() - 3_600_000);
			const names = { stale: '.run.json.11.aaaaaaaaaaaa.tmp', fresh: '.run.json.12.bbbbbbbbbbbb.tmp', data: 'run.json', staleDir: '.d.13.cccccccccccc.tmp' };
			for (const name of [names.stale, names.fresh, names.data]) {
				await writeFile(path.join(directory, name), 'x');
			}
			await mkdir(path.join(directory, names.staleDir));
			for (const name of [names.stale, names.data, names.staleDir]) {
				await utimes(path.join(directory, name), hourAgo, hourAgo);
			}
			assert.deepEqual(await removeStaleAtomicTemps(directory, 60_000), [path.join(directory, names.stale)]);
			assert.deepEqual((await readdir(directory)).sort(), [names.fresh, names.staleDir, names.data].sort());
			assert.deepEqual(await removeStaleAtomicTemps(path.join(directory, 'missing'), 0), []);
		} finally {
			await rm(directory, { recursive: true, force: true });
		}
	});
});
