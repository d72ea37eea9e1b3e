import * as assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFolder } from '../../../src/cli/cacheFolder';
import { statIsCurrent } from '../../../src/core/fs/localFileSystem';
import { racyWindowMs } from '../../../src/core/index/summaryCache';
import { assertCliBuilt, cliOk, makeWorkspace, removeWorkspace, runCli, writeRun } from './runCli';

describe('exptrack\'s run-summary cache (child process)', function () {
	this.timeout(60_000);
	let workspace: string;
	let cache: string;
	let runDir: string;

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		const artifacts = path.join(workspace, 'artifacts');
		runDir = await writeRun(artifacts, '20261204-100000-cached', { description: 'first words' });
		await writeRun(artifacts, '20261204-100001-other');
		// Reads of files younger than the racy window are never cached.
		await new Promise((resolve) => setTimeout(resolve, racyWindowMs + 200));
	});

	beforeEach(async () => {
		cache = await mkdtemp(path.join(os.tmpdir(), 'exptrack-cache-dir-'));
	});

	afterEach(() => rm(cache, { recursive: true, force: true }));
	after(() => removeWorkspace(workspace));

	const list = async (extra: readonly string[] = []): Promise<string> => {
		const result = await runCli(['list', '--json', ...extra], workspace, { env: { EXPTRACK_CACHE_DIR: cache } });
		assert.equal(result.code, 0, result.stderr);
		return result.stdout;
	};

	it('keeps one cache file per set of roots in EXPTRACK_CACHE_DIR, and lists the same from it', async () => {
		const first = await list();
		const files = await readdir(cache);
		assert.equal(files.length, 1);
		assert.match(files[0]!, /^runs-[0-9a-f]{24}\.cache$/);
		const written = await stat(path.join(cache, files[0]!));
		assert.equal(await list(), first);
		// Rewritten (a new inode: it is replaced atomically) only when a run had to be read again.
		assert.equal((await stat(path.join(cache, files[0]!))).ino, written.ino, 'the second run read no run from its files');
		await list(['--root', 'artifacts']);
		assert.equal((await readdir(cache)).length, 2, 'another set of roots has its own cache');
	});

	it('shows a run\'s new content as soon as its file changes', async () => {
		await list();
		const file = path.join(runDir, 'experiment_tracker.json');
		await writeFile(file, (await readFile(file, 'utf8')).replace('first words', 'other words'));
		const runs = JSON.parse(await list()) as Array<{ id: string; description: string }>;
		assert.equal(runs.find((run) => run.id === '20261204-100000-cached')?.description, 'other words');
	});

	it('leaves no cache with --no-cache, and lists the same', async () => {
		const uncached = await list(['--no-cache']);
		assert.deepEqual(await readdir(cache), []);
		assert.equal(await list(), uncached);
		assert.equal(await cliOk(['list', '--json', '--no-cache'], workspace), uncached);
	});
});

describe('whether stat shows every change at once', () => {
	it('holds for local file systems and not for others, nor for what cannot be asked', () => {
		assert.equal(statIsCurrent(os.tmpdir()), true, 'the temp folder is on a local file system');
		if (process.platform === 'linux') {
			assert.equal(statIsCurrent('/proc/self'), false, 'procfs is not in the list');
			assert.equal(statIsCurrent(path.join(os.tmpdir(), 'no-such-folder-here')), false);
		}
		assert.equal(statIsCurrent('/anything', 'darwin'), true);
	});
});

describe('the cache folder', () => {
	const home = path.join(path.sep, 'home', 'ada');

	it('is EXPTRACK_CACHE_DIR when set, else the platform\'s per-user cache folder', () => {
		assert.equal(cacheFolder({ EXPTRACK_CACHE_DIR: '/srv/cache' }, 'linux', home), path.resolve('/srv/cache'));
		assert.equal(cacheFolder({}, 'linux', home), path.join(home, '.cache', 'exptrack'));
		assert.equal(cacheFolder({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', home), path.join('/var/cache/ada', 'exptrack'));
		assert.equal(cacheFolder({ XDG_CACHE_HOME: 'relative/ignored' }, 'linux', home), path.join(home, '.cache', 'exptrack'));
		assert.equal(cacheFolder({}, 'darwin', home), path.join(home, 'Library', 'Caches', 'exptrack'));
		assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', home), path.join('C:\\Users\\ada\\AppData\\Local', 'exptrack', 'Cache'));
	});
});
