import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { type FileWindow, readFileWindow, readFileWindowSync, type WindowChoice, wholeFile } from '../../../../src/core/fs/fileWindow';
import { NotARegularFileError } from '../../../../src/core/fs/openRegularFile';

/** Both readers on the same file and range: they must agree on everything. */
async function readBoth(file: string, choose: WindowChoice, scratch?: Buffer): Promise<[FileWindow, FileWindow]> {
	const viaCallbacks = await readFileWindow(file, choose);
	const viaSync = readFileWindowSync(file, choose, scratch);
	return [viaCallbacks, { ...viaSync, bytes: Buffer.from(viaSync.bytes) }];
}

async function failureOf(read: () => unknown): Promise<unknown> {
	try {
		await read();
	} catch (error) {
		return error;
	}
	return undefined;
}

describe('readFileWindow and readFileWindowSync', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-window-'));
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('read a whole file, a head and a tail exactly, with the size and mtime of the same descriptor', async () => {
		const file = path.join(dir, 'log.jsonl');
		await writeFile(file, '0123456789abcdef');
		await utimes(file, new Date(1_500_000_000_000), new Date(1_500_000_000_000));
		for (const [choose, expected, start] of [
			[wholeFile, '0123456789abcdef', 0],
			[(size: number) => ({ start: 0, length: Math.min(size, 4) }), '0123', 0],
			[(size: number) => ({ start: size - 5, length: 5 }), 'bcdef', 11],
			[(size: number) => ({ start: 10, length: size * 2 }), 'abcdef', 10],
		] as const) {
			for (const window of await readBoth(file, choose)) {
				assert.equal(window.bytes.toString('utf8'), expected);
				assert.equal(window.start, start);
				assert.equal(window.size, 16);
				assert.equal(window.mtimeMs, 1_500_000_000_000);
			}
		}
	});

	it('read nothing, but still stat, when the choice says so or the file is empty', async () => {
		const file = path.join(dir, 'big.json');
		await writeFile(file, 'x'.repeat(100));
		for (const window of await readBoth(file, () => undefined)) {
			assert.equal(window.bytes.length, 0);
			assert.equal(window.size, 100);
		}
		const empty = path.join(dir, 'empty.json');
		await writeFile(empty, '');
		for (const window of await readBoth(empty, wholeFile)) {
			assert.deepEqual([window.bytes.length, window.size], [0, 0]);
		}
	});

	it('reuse the scratch buffer for the sync read, and allocate for a range that does not fit', async () => {
		const file = path.join(dir, 'a.json');
		await writeFile(file, '{"a": 1}');
		const scratch = Buffer.alloc(4);
		const small = readFileWindowSync(file, (size) => ({ start: 0, length: Math.min(size, 3) }), scratch);
		assert.equal(small.bytes.buffer, scratch.buffer, 'read into the scratch buffer');
		assert.equal(small.bytes.toString(), '{"a');
		const whole = readFileWindowSync(file, wholeFile, scratch);
		assert.notEqual(whole.bytes.buffer, scratch.buffer);
		assert.equal(whole.bytes.toString(), '{"a": 1}');
	});

	it('refuse a folder and a named pipe before reading, and reject a missing file with ENOENT', async function () {
		const folder = path.join(dir, 'experiment_tracker.json');
		await mkdir(folder);
		for (const error of [await failureOf(() => readFileWindow(folder, wholeFile)), await failureOf(() => readFileWindowSync(folder, wholeFile))]) {
			assert.ok(error instanceof NotARegularFileError);
			assert.equal(error.kind, 'a folder');
		}
		const missing = path.join(dir, 'none.json');
		assert.equal((await failureOf(() => readFileWindow(missing, wholeFile)) as NodeJS.ErrnoException).code, 'ENOENT');
		assert.equal((await failureOf(() => readFileWindowSync(missing, wholeFile)) as NodeJS.ErrnoException).code, 'ENOENT');
		if (process.platform === 'win32') {
			this.skip();
		}
		const fifo = path.join(dir, 'pipe.json');
		execFileSync('mkfifo', [fifo]);
		await symlink(fifo, path.join(dir, 'link.json'));
		for (const file of [fifo, path.join(dir, 'link.json')]) {
			for (const error of [await failureOf(() => readFileWindow(file, wholeFile)), await failureOf(() => readFileWindowSync(file, wholeFile))]) {
				assert.ok(error instanceof NotARegularFileError, 'a FIFO nobody writes is refused, never waited on');
				assert.equal(error.kind, 'a named pipe');
			}
		}
	});
});
