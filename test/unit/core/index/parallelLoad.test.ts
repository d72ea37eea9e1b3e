import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanWorkerPool } from '../../../../src/core/index/parallelLoad';
import { RunIndex } from '../../../../src/core/index/runIndex';
import { endIdleWorkers } from '../../../../src/core/index/scanWorkerCache';
import type { RootSpec } from '../../../../src/core/runs/discover';
import { readRunSummary } from '../../../../src/core/runs/readRun';
import type { RunLocation, RunSummary } from '../../../../src/core/runs/runModel';
import { writeMixedCorpus } from './mixedCorpus';

const nowMs = Date.parse('2026-03-01T00:00:00Z');

async function loadWith(spec: RootSpec, workers: number): Promise<{ runs: RunSummary[]; problems: unknown }> {
	const index = new RunIndex({ roots: [spec], staleMinutes: 10, clock: () => nowMs, readWorkers: workers, readWorkersFrom: 1 });
	try {
		await index.load();
		return { runs: index.all(), problems: index.problems };
	} finally {
		index.dispose();
	}
}

describe('the cold load in worker threads', function () {
	this.timeout(120_000);
	let workspace: string;
	let spec: RootSpec;

	before(async () => {
		workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-parallel-'));
		spec = await writeMixedCorpus(workspace, 240);
	});

	after(async () => {
		endIdleWorkers();
		await rm(workspace, { recursive: true, force: true });
	});

	it('gives exactly the runs, order and problems of a load in this thread', async () => {
		const inThread = await loadWith(spec, 0);
		assert.ok(inThread.runs.length > 300, `a corpus of ${inThread.runs.length} runs`);
		const inWorkers = await loadWith(spec, 2);
		assert.deepEqual(inWorkers, inThread);
		// Again, with the workers the first load left warm.
		assert.deepEqual(await loadWith(spec, 2), inThread);
	});

	it('reads every batch in the workers, and in this thread only what no worker can read', async () => {
		const locations: RunLocation[] = (await loadWith(spec, 0)).runs.map(({ dir, root, workspace: folder, layout }) => ({ dir, root, workspace: folder, layout }));
		const settings = { staleMinutes: 10, nowMs };
		const expected = await Promise.all(locations.map((location) => readRunSummary(location, settings)));
		let readHere = 0;
		const inThread = async (some: readonly RunLocation[]) => {
			readHere += some.length;
			return Promise.all(some.map((location) => readRunSummary(location, settings)));
		};
		const pool = new ScanWorkerPool(2, settings, inThread);
		const [first, second] = await Promise.all([pool.read(locations.slice(0, 100)), pool.read(locations.slice(100))]);
		pool.close();
		assert.deepEqual([...first, ...second], expected);
		assert.equal(readHere, 0);
		const orphan = new ScanWorkerPool(2, settings, inThread, path.join(workspace, 'no-such-worker.js'));
		assert.deepEqual(await orphan.read(locations), expected, 'without a worker script every run is still read');
		orphan.close();
		assert.equal(readHere, locations.length);
	});
});
