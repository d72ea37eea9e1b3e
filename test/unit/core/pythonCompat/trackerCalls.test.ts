import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { EditOp } from '../../../../src/core/edits/editOps';
import { editRun } from '../../../../src/core/edits/editRun';
import { journalPath } from '../../../../src/core/edits/journal';
import { parsePythonNumberLiteral } from '../../../../src/core/json/pythonFloat';
import { readRunSummary } from '../../../../src/core/runs/readRun';
import { performTrackerCall, type TrackerCall } from '../../../../src/core/runs/trackerCall';
import { createRun } from '../../../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../../../src/core/tracker/newTracker';
import { abortExperiment, addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../../../../src/core/tracker/trackerApi';
import { assertPythonAccepts, type FileCheck, stateRecorder } from './pythonCheck';

const number = (text: string) => parsePythonNumberLiteral(text)!;

/** Every tracker method, with the keys each one changes (spec §3). */
const calls: readonly { label: string; call: TrackerCall; changed: string[] }[] = [
	{ label: 'start', call: startExperiment, changed: ['status', 'started_at'] },
	{
		label: 'progress',
		call: (doc) => updateTrainingProgress(doc, { currentEpoch: 2, totalEpochs: 10, bestMetrics: new Map([['val_iou', number('0.54')], ['val_loss', number('nan')], ['lr', number('1e-5')], ['score', number('5.0')]]), trainingTimeSeconds: number('184.672') }),
		changed: ['total_epochs', 'current_epoch', 'best_metrics', 'training_time_seconds'],
	},
	{ label: 'checkpoint', call: (doc) => addArtifact(doc, { id: 'checkpoint_last', type: 'checkpoint', path: 'artifacts\\experiments\\x\\checkpoints\\checkpoint_last.pth' }), changed: ['artifact_ids', 'checkpoint_paths'] },
	{ label: 'metrics', call: (doc) => addArtifact(doc, { id: 'summary', type: 'metrics', path: 'metrics/complete_summary.json' }), changed: ['artifact_ids', 'metric_files'] },
	{ label: 'visualization', call: (doc) => addArtifact(doc, { id: 'curvas_ñ', type: 'visualization', path: 'results/curvas_ñ.png' }), changed: ['artifact_ids', 'visualization_files'] },
	{ label: 'model', call: (doc) => addArtifact(doc, { id: 'best_model', type: 'model', path: 'models/best.pth' }), changed: ['artifact_ids'] },
	{ label: 'complete', call: completeExperiment, changed: ['status', 'completed_at'] },
	{ label: 'fail', call: (doc, now) => failExperiment(doc, now, 'CUDA sin memoria – «OOM»'), changed: ['status', 'description', 'completed_at'] },
	{ label: 'abort', call: abortExperiment, changed: ['status', 'completed_at'] },
];

/** Every journaled edit, with the keys each one changes once reconciled. */
function edits(at: () => string): { label: string; op: EditOp; changed: string[] }[] {
	return [
		{ label: 'describe', op: { op: 'setDescription', at: at(), text: 'Línea base\n"entre comillas" \\ 😀' }, changed: ['description', 'updated_at'] },
		{ label: 'tag', op: { op: 'addTags', at: at(), tags: ['ñandú', 'b'] }, changed: ['tags', 'updated_at'] },
		{ label: 'untag', op: { op: 'removeTags', at: at(), tags: ['b'] }, changed: ['tags', 'updated_at'] },
		{ label: 'mark-failed', op: { op: 'mark', at: at(), status: 'failed', reason: 'matado por OOM' }, changed: ['status', 'description', 'completed_at'] },
		{ label: 'mark-completed', op: { op: 'mark', at: at(), status: 'completed' }, changed: ['status', 'completed_at'] },
		{ label: 'mark-aborted', op: { op: 'mark', at: at(), status: 'aborted' }, changed: ['status', 'completed_at'] },
	];
}

describe('Python compatibility: tracker methods and journaled edits', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;
	let keep: (file: string, label: string) => Promise<string>;

	before(async () => {
		const recorder = await stateRecorder('exptrack-pycompat-calls-');
		workspace = recorder.dir;
		keep = recorder.keep;
		root = path.join(workspace, 'artifacts');
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	it('every trackerApi method through performTrackerCall leaves a 32-key file CrackSeg loads, changing only its fields', async () => {
		const run = await createRun({ root, workspace, name: 'calls', environment: emptyEnvironment });
		const file = path.join(run.dir, 'experiment_tracker.json');
		const checks: FileCheck[] = [];
		let previous = await keep(file, 'created');
		for (const { label, call, changed } of calls) {
			const { skipped } = await performTrackerCall({ dir: run.dir, id: run.id, name: run.name }, call);
			assert.deepEqual(skipped, [], `${label} skipped keys of a complete file`);
			const state = await keep(file, label);
			checks.push({ path: state, tracker: true, canonical: true, keys: 'all32', compareTo: previous, changed });
			previous = state;
		}
		await assertPythonAccepts(checks);
	});

	it('performTrackerCall on a run without a tracker file creates a 32-key file CrackSeg loads', async () => {
		const dir = path.join(root, 'experiments', '20261204-152927-info_only');
		await mkdir(dir, { recursive: true });
		await writeFile(path.join(dir, 'experiment_info.json'), '{\n  "id": "20261204-152927-info_only",\n  "name": "info_only",\n  "timestamp": "20261204-152927",\n  "created_at": "2026-12-04T15:29:27.148886",\n  "status": "created"\n}');
		await performTrackerCall({ dir, id: '20261204-152927-info_only', name: 'info_only', status: 'created', createdAt: '2026-12-04T15:29:27.148886' }, startExperiment);
		await assertPythonAccepts([{ path: path.join(dir, 'experiment_tracker.json'), tracker: true, canonical: true, keys: 'all32' }]);
	});

	it('every journaled edit, once reconciled, leaves a 32-key file CrackSeg loads, changing only its fields', async () => {
		const run = await createRun({ root, workspace, name: 'edited', environment: emptyEnvironment });
		const file = path.join(run.dir, 'experiment_tracker.json');
		const location = { dir: run.dir, root, workspace, layout: 'experiment' as const };
		let tick = 0;
		// Edit times in order, all later than the run's creation.
		const at = () => `2099-01-01T00:00:${String(tick++).padStart(2, '0')}.000001`;
		const checks: FileCheck[] = [];
		let previous = await keep(file, 'created');
		for (const { label, op, changed } of edits(at)) {
			const summary = await readRunSummary(location, { staleMinutes: 10 });
			assert.ok(summary);
			const result = await editRun(summary, op, { by: 'pythonCompat', liveWindowMs: 0 });
			assert.equal(result.state, 'reconciled', `${label}: ${JSON.stringify(result)}`);
			const state = await keep(file, label);
			checks.push({ path: state, tracker: true, canonical: true, keys: 'all32', compareTo: previous, changed });
			previous = state;
		}
		await assertPythonAccepts(checks);
	});

	it('the journal file loads with json.load and has no BOM and no trailing newline', async () => {
		const run = await createRun({ root, workspace, name: 'journaled', environment: emptyEnvironment });
		const summary = await readRunSummary({ dir: run.dir, root, workspace, layout: 'experiment' }, { staleMinutes: 10 });
		assert.ok(summary);
		await editRun(summary, { op: 'addTags', at: '2099-01-01T00:00:00.000001', tags: ['ñandú'] }, { by: 'pythonCompat', liveWindowMs: 0 });
		await assertPythonAccepts([{ path: journalPath(run.dir) }]);
	});
});
