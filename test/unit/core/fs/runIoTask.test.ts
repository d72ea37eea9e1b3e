import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { callTask, type IoTask, listFolderTask, sleepTask } from '../../../../src/core/fs/ioTask';
import { readJsonFileTask } from '../../../../src/core/fs/readJsonFile';
import { runIoTask, runIoTaskBlocking } from '../../../../src/core/fs/runIoTask';

const good = '{\n  "experiment_id": "a",\n  "status": "running"\n}';

describe('one I/O task, two drivers', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-iotask-'));
	});

	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	it('give the same reads of good, missing, dangling and corrupt files', async () => {
		await writeFile(path.join(dir, 'good.json'), good);
		await symlink(path.join(dir, 'nowhere.json'), path.join(dir, 'dangling.json'));
		await writeFile(path.join(dir, 'nan.json'), '{"best": NaN}');
		for (const name of ['good.json', 'missing.json', 'dangling.json', 'nan.json']) {
			const file = path.join(dir, name);
			const viaAsync = await runIoTask(readJsonFileTask(file, { detectDuplicateKeys: true }));
			const viaBlocking = runIoTaskBlocking(readJsonFileTask(file, { detectDuplicateKeys: true }));
			assert.ok(!(viaBlocking instanceof Promise), `${name}: nothing to wait for, so read at once`);
			assert.deepEqual(viaBlocking, viaAsync, name);
		}
	});

	it('the blocking driver waits asynchronously for a torn file to be completed, as the async one does', async () => {
		const file = path.join(dir, 'experiment_tracker.json');
		writeFileSync(file, good.slice(0, 20));
		const pending = runIoTaskBlocking(readJsonFileTask(file));
		assert.ok(pending instanceof Promise, 'a torn read waits for a retry');
		// The writer finishes its save before the first retry (at least 5 ms later).
		writeFileSync(file, good);
		const read = await pending;
		assert.equal(read.state, 'ok');
		assert.deepEqual(read.state === 'ok' ? read.value : undefined, { experiment_id: 'a', status: 'running' });
	});

	it('throw failures into the task where it can catch them, and run async-only steps', async () => {
		function* probe(): IoTask<string> {
			try {
				yield* listFolderTask(path.join(dir, 'absent'));
				return 'listed';
			} catch (error) {
				yield* sleepTask(1);
				const later = yield* callTask(() => Promise.resolve('called'));
				return `${(error as NodeJS.ErrnoException).code} then ${later}`;
			}
		}
		assert.equal(await runIoTask(probe()), 'ENOENT then called');
		assert.equal(await runIoTaskBlocking(probe()), 'ENOENT then called');
	});
});
