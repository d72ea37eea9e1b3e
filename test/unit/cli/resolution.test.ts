import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { assertCliBuilt, cliOk, type CliResult, makeWorkspace, readTracker, removeWorkspace, runCli, writeRun } from './runCli';

const baseline = '20261204-152927-unet_baseline';
const large = '20261204-152958-unet_large';
const focal = '20261205-101010-focal';
const twinA = '20261206-000001-twin';
const twinB = '20261206-000002-twin';

/** Exit 1 with exactly one line on stderr (the brief's error contract). */
function assertOneLineError(result: CliResult, pattern: RegExp): void {
	assert.equal(result.code, 1, `exit ${String(result.code)}; stderr: ${result.stderr}`);
	const lines = result.stderr.replace(/\n$/, '').split('\n');
	assert.equal(lines.length, 1, `expected one stderr line, got:\n${result.stderr}`);
	assert.match(lines[0]!, pattern);
}

describe('exptrack: run ids, exit codes and --root (child process)', function () {
	this.timeout(60_000);
	let workspace: string;

	before(async () => {
		assertCliBuilt();
		workspace = await makeWorkspace();
		const root = path.join(workspace, 'artifacts');
		for (const id of [baseline, large, focal, twinA, twinB]) {
			await writeRun(root, id, { status: 'completed', completed_at: '2000-01-01T00:00:00.000000' });
		}
	});

	after(async () => {
		await removeWorkspace(workspace);
	});

	describe('ID resolution', () => {
		const shownId = async (query: string) => (JSON.parse(await cliOk(['show', query, '--json'], workspace)) as { id: string }).id;

		it('finds a run by its full id, a unique prefix, or its name', async () => {
			assert.equal(await shownId(baseline), baseline);
			assert.equal(await shownId('20261205'), focal);
			assert.equal(await shownId('20261204-152958'), large);
			assert.equal(await shownId('unet_large'), large);
			assert.equal(await shownId('focal'), focal);
		});

		it('an ambiguous prefix exits 1 and names the candidates', async () => {
			const result = await runCli(['show', '20261204-1529'], workspace);
			assertOneLineError(result, /matches 2 runs/);
			assert.ok(result.stderr.includes(baseline) && result.stderr.includes(large), result.stderr);
		});

		it('a name two runs share exits 1 and names both', async () => {
			const result = await runCli(['tag', 'twin', 'x'], workspace);
			assertOneLineError(result, /matches 2 runs/);
			assert.ok(result.stderr.includes(twinA) && result.stderr.includes(twinB), result.stderr);
		});

		it('an unknown id exits 1 with one line, for reading and writing commands alike', async () => {
			for (const args of [['show', 'nope'], ['start', 'nope'], ['describe', 'nope', 'x'], ['verify', 'nope'], ['sync', 'nope']]) {
				assertOneLineError(await runCli(args, workspace), /No run matches "nope"/);
			}
		});
	});

	describe('exit codes', () => {
		it('0 for --help, 2 for no command at all', async () => {
			assert.equal((await runCli(['--help'], workspace)).code, 0);
			assert.equal((await runCli(['list', '--help'], workspace)).code, 0);
			assert.equal((await runCli([], workspace)).code, 2);
		});

		it('2 for an unknown command, an unknown option, a missing or extra argument', async () => {
			const cases: string[][] = [
				['frobnicate'], ['list', '--bogus'], ['show'], ['show', baseline, 'extra'], ['tag', baseline],
				['describe', baseline], ['progress', baseline, '--total', '3'], ['artifact', baseline, '--type', 'checkpoint'],
				['config-hash'], ['progress', baseline, '--epoch'],
			];
			for (const args of cases) {
				const result = await runCli(args, workspace);
				assert.equal(result.code, 2, `exptrack ${args.join(' ')} exited ${String(result.code)}: ${result.stderr}`);
				assert.match(result.stderr, /usage|unknown/i);
			}
		});

		it('2 for a bad --epoch, --total or metric value, and the file is untouched', async () => {
			const before = await readTracker(path.join(workspace, 'artifacts', 'experiments', focal));
			for (const args of [['--epoch', 'x', '--total', '3'], ['--epoch', '-1', '--total', '3'], ['--epoch', '1.5', '--total', '3'], ['--epoch', '1', '--total', 'ten'], ['--epoch', '1', '--total', '3', '--metric', 'iou'], ['--epoch', '1', '--total', '3', '--metric', 'iou=high']]) {
				const result = await runCli(['progress', focal, ...args], workspace);
				assert.equal(result.code, 2, `progress ${args.join(' ')} exited ${String(result.code)}: ${result.stderr}`);
			}
			assert.deepEqual(await readTracker(path.join(workspace, 'artifacts', 'experiments', focal)), before);
		});

		it('1 with one line for a run whose tracker file is corrupt, which is left as it is', async () => {
			const dir = await writeRun(path.join(workspace, 'artifacts'), '20261207-000000-corrupt');
			await writeFile(path.join(dir, 'experiment_tracker.json'), '{"experiment_id": "20261207-000000-corrupt", "status": ');
			assertOneLineError(await runCli(['start', '20261207-000000-corrupt'], workspace), /JSON|corrupt/i);
			assertOneLineError(await runCli(['config-hash', 'missing.json'], workspace), /no such file/);
		});
	});

	describe('--root works with every subcommand', () => {
		let other: string;
		const id = '20261208-080000-elsewhere';

		before(async () => {
			other = path.join(workspace, 'custom-root');
			await writeRun(other, id, { status: 'running', tags: [], completed_at: '' });
			await writeFile(path.join(workspace, 'cfg.json'), '{"training": {"epochs": 2}}');
			// Stored artifact paths resolve against the root's parent, as the Python process's cwd.
			await writeFile(path.join(workspace, 'm.json'), '{}');
		});

		it('finds runs only under the given root', async () => {
			assertOneLineError(await runCli(['show', id], workspace), /No run matches/);
			const steps: string[][] = [
				['list'], ['show', id], ['start', id], ['progress', id, '--epoch', '1', '--total', '2', '--metric', 'val_iou=0.5'],
				['artifact', id, '--type', 'metrics', '--path', 'm.json'], ['complete', id], ['fail', id, '--reason', 'r'], ['abort', id],
				['describe', id, 'd'], ['tag', id, 't1', 't2'], ['untag', id, 't2'], ['mark', id, 'completed'], ['sync'], ['sync', id],
				['verify', id], ['config-hash', 'cfg.json'], ['create', 'made_here'],
			];
			for (const args of steps) {
				const result = await runCli([...args, '--root', 'custom-root'], workspace);
				assert.equal(result.code, 0, `exptrack ${args.join(' ')} --root custom-root exited ${String(result.code)}: ${result.stderr}`);
			}
			const tracker = await readTracker(path.join(other, 'experiments', id));
			assert.equal(tracker.status, 'completed');
			assert.equal(tracker.description, 'd');
			assert.deepEqual(tracker.tags, ['t1']);
			assert.deepEqual(tracker.metric_files, ['m.json']);
			const listed = JSON.parse(await cliOk(['list', '--json', '--root', 'custom-root'], workspace)) as { name: string }[];
			assert.deepEqual(listed.map((run) => run.name).sort(), ['elsewhere', 'made_here']);
		});
	});
});
