import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { assertCliBuilt, type ListedRun, makeWorkspace, removeWorkspace, runCli } from '../../cli/runCli';

/**
 * Special files where the tracker file should be: reading them never ends (a FIFO nobody
 * writes, `/dev/zero`). They run in `exptrack list --json` child processes, with a deadline and a
 * memory cap, because a reader that blocks or reads forever would hang or exhaust this process.
 */
describe('hostile special files: exptrack list --json must finish and report them', function () {
	this.timeout(30_000);
	let workspace: string;

	before(function () {
		if (process.platform === 'win32') {
			this.skip();
		}
		assertCliBuilt();
	});

	beforeEach(async () => {
		workspace = await makeWorkspace();
	});

	afterEach(async () => {
		await removeWorkspace(workspace);
	});

	async function listWith(makeTracker: (file: string) => Promise<void>): Promise<ListedRun> {
		const dir = path.join(workspace, 'artifacts', 'experiments', '20261204-152927-special');
		await mkdir(dir, { recursive: true });
		await makeTracker(path.join(dir, 'experiment_tracker.json'));
		const result = await runCli(['list', '--json'], workspace, { timeoutMs: 5000, virtualMemoryKb: 1_500_000 });
		assert.equal(result.timedOut, false, 'exptrack list --json never finished (it blocks on the file)');
		assert.equal(result.code, 0, `exptrack list --json exited ${String(result.code)}: ${result.stderr.slice(0, 300)}`);
		const runs = JSON.parse(result.stdout) as ListedRun[];
		assert.equal(runs.length, 1);
		return runs[0]!;
	}

	it('a named pipe (FIFO) is reported as unreadable instead of blocking the scan', async () => {
		const run = await listWith(async (file) => {
			execFileSync('mkfifo', [file]);
		});
		assert.deepEqual(run.problems.map((entry) => entry.kind), ['unreadable']);
	});

	it('a link to /dev/zero is reported as unreadable instead of being read forever', async () => {
		const run = await listWith((file) => symlink('/dev/zero', file));
		assert.deepEqual(run.problems.map((entry) => entry.kind), ['unreadable']);
	});
});
