import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { EditOp } from '../../../../src/core/edits/editOps';
import { editRun } from '../../../../src/core/edits/editRun';
import { parsePythonNumberLiteral } from '../../../../src/core/json/pythonFloat';
import { readRunSummary } from '../../../../src/core/runs/readRun';
import { performTrackerCall, type TrackerCall } from '../../../../src/core/runs/trackerCall';
import { abortExperiment, addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../../../../src/core/tracker/trackerApi';
import { assertPythonAccepts, type FileCheck, stateRecorder, writePythonTrackers } from './pythonCheck';

/** Keys an older or hand-made file may lack; CrackSeg's loader fills them with defaults. */
const dropped = ['best_metrics', 'checkpoint_paths', 'visualization_files', 'completed_at', 'gpu_info', 'memory_gb'];

const calls: readonly { label: string; call: TrackerCall }[] = [
	{ label: 'start', call: startExperiment },
	{ label: 'progress', call: (doc) => updateTrainingProgress(doc, { currentEpoch: 1, totalEpochs: 5, bestMetrics: new Map([['val_iou', parsePythonNumberLiteral('0.5')!]]), trainingTimeSeconds: parsePythonNumberLiteral('1.5')! }) },
	{ label: 'checkpoint', call: (doc) => addArtifact(doc, { id: 'ck', type: 'checkpoint', path: 'checkpoints/ck.pth' }) },
	{ label: 'visualization', call: (doc) => addArtifact(doc, { id: 'viz', type: 'visualization', path: 'results/v.png' }) },
	{ label: 'metrics', call: (doc) => addArtifact(doc, { id: 'm', type: 'metrics', path: 'metrics/m.json' }) },
	{ label: 'complete', call: completeExperiment },
	{ label: 'fail', call: (doc, now) => failExperiment(doc, now, 'boom') },
	{ label: 'abort', call: abortExperiment },
];

const edits: readonly EditOp[] = [
	{ op: 'setDescription', at: '2099-01-01T00:00:01.000001', text: 'nuevo' },
	{ op: 'addTags', at: '2099-01-01T00:00:02.000001', tags: ['x'] },
	{ op: 'removeTags', at: '2099-01-01T00:00:03.000001', tags: ['x'] },
	{ op: 'mark', at: '2099-01-01T00:00:04.000001', status: 'failed', reason: 'r' },
	{ op: 'mark', at: '2099-01-01T00:00:05.000001', status: 'completed' },
];

describe('Python compatibility: a file with fewer keys keeps fewer, never gains one', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;
	let keep: (file: string, label: string) => Promise<string>;

	before(async () => {
		const recorder = await stateRecorder('exptrack-pycompat-fewer-');
		workspace = recorder.dir;
		keep = recorder.keep;
		root = path.join(workspace, 'artifacts');
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	/** Every method then every edit on the run; returns the Python checks of each state. */
	async function exercise(dir: string, id: string): Promise<{ checks: FileCheck[]; skipped: Set<string> }> {
		const file = path.join(dir, 'experiment_tracker.json');
		const original = await keep(file, `${id}-original`);
		const checks: FileCheck[] = [];
		const skipped = new Set<string>();
		for (const { label, call } of calls) {
			(await performTrackerCall({ dir, id, name: id }, call)).skipped.forEach((key) => skipped.add(key));
			checks.push({ path: await keep(file, `${id}-${label}`), tracker: true, canonical: true, sameKeysAs: original });
		}
		for (const op of edits) {
			const summary = await readRunSummary({ dir, root, workspace, layout: 'experiment' }, { staleMinutes: 10 });
			assert.ok(summary);
			const result = await editRun(summary, op, { by: 'pythonCompat', liveWindowMs: 0 });
			assert.notEqual(result.state, 'blocked', JSON.stringify(result));
			checks.push({ path: await keep(file, `${id}-${op.op}`), tracker: true, canonical: true, sameKeysAs: original });
		}
		return { checks, skipped };
	}

	it('a Python file without six of the keys: methods and edits set what it has and add nothing', async () => {
		const dir = path.join(root, 'experiments', 'partial');
		await mkdir(dir, { recursive: true });
		await writePythonTrackers([{ path: path.join(dir, 'experiment_tracker.json'), variant: 'completed', drop: dropped }]);
		const { checks, skipped } = await exercise(dir, 'partial');
		assert.deepEqual([...skipped].sort(), ['best_metrics', 'checkpoint_paths', 'completed_at', 'visualization_files']);
		const text = await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8');
		for (const key of dropped) {
			assert.ok(!text.includes(`"${key}"`), `${key} was added`);
		}
		assert.match(text, /"status": "aborted"/, 'the status it has is still set');
		assert.match(text, /"description": "nuevo",/, 'the description it has is still edited');
		await assertPythonAccepts(checks);
	});

	it('a file with only experiment_id and experiment_name stays a two-key file', async () => {
		const dir = path.join(root, 'experiments', 'minimal');
		await mkdir(dir, { recursive: true });
		const minimal = '{\n  "experiment_id": "minimal",\n  "experiment_name": "minimal"\n}';
		await writeFile(path.join(dir, 'experiment_tracker.json'), minimal);
		const { checks, skipped } = await exercise(dir, 'minimal');
		assert.ok(skipped.has('status') && skipped.has('artifact_ids'), [...skipped].join(', '));
		assert.equal(await readFile(path.join(dir, 'experiment_tracker.json'), 'utf8'), minimal);
		await assertPythonAccepts(checks);
	});
});
