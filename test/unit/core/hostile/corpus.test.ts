import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Problem } from '../../../../src/core/problems';
import type { RunSummary } from '../../../../src/core/runs/runModel';
import { scanRuns } from '../../../../src/core/runs/scanRuns';
import { assertCliBuilt, cliPath, runCli } from '../../cli/runCli';
import { chmodStopsReads, fileSystemCases, goodCases, infoCases, metricsCases, sizeCases } from './fileCases';
import { type HostileCase, trackerFile } from './hostileCase';
import { encodingCases, structureCases, truncationCases, wrongTypeCases } from './trackerCases';
import { diffSnapshots, snapshotTree } from './treeSnapshot';

const groups = ['truncated', 'wrong type', 'structure', 'encoding', 'size and depth', 'file system', 'experiment_info.json', 'metrics files', 'good runs'];

/** Longer than this, a message is a dump, not a sentence. */
const maxMessageLength = 400;

interface ListedProblem {
	readonly kind: string;
	readonly file: string;
	readonly message: string;
}

function kindsOf(problems: readonly { kind: string }[]): string[] {
	return problems.map((entry) => entry.kind).sort();
}

/** What is wrong with how the scan reported one case (undefined when it is right). */
function judge(entry: HostileCase, dir: string, run: RunSummary | undefined): string | undefined {
	if (!run) {
		return `${entry.name}: not listed`;
	}
	const kinds = kindsOf(run.problems);
	const shown = JSON.stringify(run.problems.map((item: Problem) => ({ kind: item.kind, file: path.relative(dir, item.file), message: item.message.slice(0, 160) })));
	if (!entry.expect.some((kindsWanted) => JSON.stringify([...kindsWanted].sort()) === JSON.stringify(kinds))) {
		return `${entry.name}: expected ${entry.expect.map((kindsWanted) => `[${kindsWanted.join(', ')}]`).join(' or ')}, got ${shown}`;
	}
	for (const item of run.problems) {
		const file = path.join(dir, entry.file ?? trackerFile);
		if (item.file !== file) {
			return `${entry.name}: the problem names ${item.file}, not ${file}`;
		}
		if (item.message.trim() === '' || item.message.length > maxMessageLength || (entry.mentions && !entry.mentions.test(item.message))) {
			return `${entry.name}: the message does not say what is wrong (wanted ${String(entry.mentions)}): ${item.message.slice(0, maxMessageLength)}`;
		}
	}
	if (entry.status !== undefined && run.status !== entry.status) {
		return `${entry.name}: status "${run.status}", expected "${entry.status}"`;
	}
	return undefined;
}

function assertNoFailures(failures: readonly string[], total: number): void {
	const shown = failures.slice(0, 25).join('\n');
	assert.equal(failures.length, 0, `${failures.length} of ${total} cases wrong:\n${shown}${failures.length > 25 ? '\n…' : ''}`);
}

describe('hostile input corpus: scanRuns and exptrack list --json', function () {
	this.timeout(180_000);
	let workspace: string;
	let root: string;
	let cases: HostileCase[] = [];
	let runsByDir = new Map<string, RunSummary>();
	let rootProblems: readonly Problem[] = [];
	let cliResult: Awaited<ReturnType<typeof runCli>> | undefined;
	let changes: string[] = [];
	const dirOf = (entry: HostileCase) => path.join(root, 'experiments', entry.name);

	before(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-hostile-'));
		root = path.join(workspace, 'artifacts');
		const chmodWorks = await chmodStopsReads(workspace);
		if (!chmodWorks) {
			console.log('      note: running as root, where chmod 000 does not stop reads; the unreadable case is a path through a regular file (ENOTDIR) instead');
		}
		cases = [
			...truncationCases(), ...wrongTypeCases(), ...structureCases(), ...encodingCases(), ...sizeCases(),
			...fileSystemCases(chmodWorks), ...infoCases(), ...metricsCases(), ...goodCases(),
		];
		for (let start = 0; start < cases.length; start += 64) {
			await Promise.all(cases.slice(start, start + 64).map(async (entry) => {
				await mkdir(dirOf(entry), { recursive: true });
				await entry.build(dirOf(entry));
			}));
		}
		// A registry cut mid-write: a root-level problem, never a run's.
		await writeFile(path.join(root, 'experiment_registry.json'), '[\n  {\n    "id": "20261204-152927-unet_baseline",\n    "path": "artif');
		const good = cases.filter((entry) => entry.group === 'good runs').length;
		console.log(`      hostile corpus: ${cases.length - good} bad run folders + ${good} good runs under one root`);
		const before = await snapshotTree(workspace);
		const scanned = await scanRuns([{ root, workspace }], { staleMinutes: 10 });
		runsByDir = new Map(scanned.runs.map((run) => [run.dir, run]));
		rootProblems = scanned.problems;
		cliResult = existsSync(cliPath) ? await runCli(['list', '--json', '--root', 'artifacts'], workspace, { timeoutMs: 120_000 }) : undefined;
		changes = diffSnapshots(before, await snapshotTree(workspace));
	});

	after(async () => {
		if (workspace) {
			await Promise.all(cases.map((entry) => chmod(path.join(dirOf(entry), trackerFile), 0o644).catch(() => undefined)));
			await rm(workspace, { recursive: true, force: true });
		}
	});

	it('lists every run folder of the corpus exactly once', () => {
		assert.ok(cases.length >= 205, `corpus too small: ${cases.length}`);
		const missing = cases.filter((entry) => !runsByDir.has(dirOf(entry))).map((entry) => entry.name);
		assert.deepEqual(missing, []);
		assert.equal(runsByDir.size, cases.length, 'a folder was listed twice, or a run appeared that is not in the corpus');
	});

	for (const group of groups) {
		it(`${group}: each run has exactly the problem its defect calls for, naming the file and saying what is wrong`, () => {
			const inGroup = cases.filter((entry) => entry.group === group);
			assert.ok(inGroup.length > 0, `no cases in group ${group}`);
			const failures = inGroup.map((entry) => judge(entry, dirOf(entry), runsByDir.get(dirOf(entry)))).filter((failure): failure is string => failure !== undefined);
			assertNoFailures(failures, inGroup.length);
		});
	}

	it('reports the torn registry once, as a root problem, and lists no run for it', () => {
		assert.deepEqual(rootProblems.map((entry) => [entry.kind, path.basename(entry.file)]), [['corrupt', 'experiment_registry.json']]);
		assert.match(rootProblems[0]!.message, /JSON/);
	});

	it('exptrack list --json exits 0 with strict JSON holding the same runs and problems', () => {
		assertCliBuilt();
		assert.ok(cliResult);
		assert.equal(cliResult.timedOut, false, 'exptrack list --json did not finish');
		assert.equal(cliResult.code, 0, cliResult.stderr.slice(0, 2000));
		const listed = JSON.parse(cliResult.stdout) as { dir: string; problems: ListedProblem[] }[];
		assert.equal(listed.length, cases.length);
		const failures: string[] = [];
		for (const run of listed) {
			const inProcess = runsByDir.get(run.dir);
			if (!inProcess || JSON.stringify(kindsOf(run.problems)) !== JSON.stringify(kindsOf(inProcess.problems))) {
				failures.push(`${path.basename(run.dir)}: CLI ${JSON.stringify(kindsOf(run.problems))} vs scanRuns ${JSON.stringify(inProcess ? kindsOf(inProcess.problems) : 'not listed')}`);
			}
		}
		assertNoFailures(failures, listed.length);
	});

	it('modifies no file: every byte, mtime and mode, and the set of entries, are unchanged', () => {
		assert.deepEqual(changes, []);
	});
});
