import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import type { EditOp } from '../../../../src/core/edits/editOps';
import { editRun } from '../../../../src/core/edits/editRun';
import { parsePythonNumberLiteral } from '../../../../src/core/json/pythonFloat';
import { readRunSummary } from '../../../../src/core/runs/readRun';
import { performTrackerCall } from '../../../../src/core/runs/trackerCall';
import { addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../../../../src/core/tracker/trackerApi';
import { TrackerDocument } from '../../../../src/core/tracker/trackerDocument';
import { assertPythonAccepts, type FileCheck, stateRecorder, writePythonTrackers } from './pythonCheck';

const variants = ['completed', 'running', 'failed'] as const;

describe('Python compatibility: files in the exact shape CrackSeg writes', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;
	let keep: (file: string, label: string) => Promise<string>;
	const runDir = (variant: string) => path.join(root, 'experiments', `20261204-152927-${variant}`);
	const trackerOf = (variant: string) => path.join(runDir(variant), 'experiment_tracker.json');

	before(async () => {
		const recorder = await stateRecorder('exptrack-pycompat-roundtrip-');
		workspace = recorder.dir;
		keep = recorder.keep;
		root = path.join(workspace, 'artifacts');
		for (const variant of variants) {
			await mkdir(runDir(variant), { recursive: true });
		}
		// One Python process writes all three with the dataclass + asdict + json.dump(indent=2).
		await writePythonTrackers(variants.map((variant) => ({ path: trackerOf(variant), variant })));
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	it('the Python-written files hold what the test needs: escapes, NaN, 1e-05, 5.0, no trailing newline', async () => {
		const text = await readFile(trackerOf('completed'), 'utf8');
		for (const needle of ['"val_iou": NaN', '"lr": 1e-05', '"score": 5.0', '"big": 1e+16', '\\u00f1', '\\ud83d\\ude00', '"training_time_seconds": 5.0']) {
			assert.ok(text.includes(needle), `the Python file lacks ${needle}`);
		}
		assert.ok(!text.endsWith('\n'));
		assert.ok((await readFile(trackerOf('failed'), 'utf8')).includes('"val_loss": Infinity'));
	});

	it('TrackerDocument.parse then serialize gives back identical bytes', async () => {
		for (const variant of variants) {
			const text = await readFile(trackerOf(variant), 'utf8');
			const doc = TrackerDocument.parse(text);
			assert.ok(doc, `${variant}: not parsed`);
			assert.equal(doc.serialize(), text, `${variant}: the serialized file differs`);
		}
	});

	it('a tag added and removed at the file\'s own updated_at gives back identical bytes', async () => {
		for (const variant of variants) {
			const file = trackerOf(variant);
			const original = await readFile(file, 'utf8');
			const at = TrackerDocument.parse(original)!.getString('updated_at')!;
			const addThenRemove: EditOp[] = [{ op: 'addTags', at, tags: ['tmp-ñ'] }, { op: 'removeTags', at, tags: ['tmp-ñ'] }];
			for (const op of addThenRemove) {
				const summary = await readRunSummary({ dir: runDir(variant), root, workspace, layout: 'experiment' }, { staleMinutes: 10 });
				assert.ok(summary);
				const result = await editRun(summary, op, { by: 'pythonCompat', liveWindowMs: 0 });
				assert.equal(result.state, 'reconciled', `${variant} ${op.op}: ${JSON.stringify(result)}`);
			}
			assert.equal(await readFile(file, 'utf8'), original, `${variant}: edit + undo changed the file`);
		}
	});

	it('tracker methods and edits on a Python-written file keep every other byte as Python wrote it', async () => {
		const variant = 'running';
		const dir = runDir(variant);
		const file = trackerOf(variant);
		const target = { dir, id: `20261204-152927-${variant}`, name: variant };
		const checks: FileCheck[] = [];
		let previous = await keep(file, 'python');
		const record = async (label: string, changed: string[]) => {
			const state = await keep(file, label);
			checks.push({ path: state, tracker: true, canonical: true, keys: 'all32', compareTo: previous, changed });
			previous = state;
		};
		await performTrackerCall(target, startExperiment);
		await record('start', ['started_at']);
		await performTrackerCall(target, (doc) => updateTrainingProgress(doc, { currentEpoch: 4, totalEpochs: 3, bestMetrics: new Map([['val_iou', parsePythonNumberLiteral('0.61')!]]) }));
		await record('progress', ['current_epoch', 'best_metrics']);
		await performTrackerCall(target, (doc) => addArtifact(doc, { id: 'model_best', type: 'checkpoint', path: 'checkpoints/model_best.pth.tar' }));
		await record('artifact', ['checkpoint_paths']);
		await performTrackerCall(target, completeExperiment);
		await record('complete', ['status', 'completed_at']);
		const summary = await readRunSummary({ dir, root, workspace, layout: 'experiment' }, { staleMinutes: 10 });
		await editRun(summary!, { op: 'setDescription', at: '2099-01-01T00:00:00.000001', text: 'Revisado ✓' }, { by: 'pythonCompat', liveWindowMs: 0 });
		await record('describe', ['description', 'updated_at']);
		await performTrackerCall(target, (doc, now) => failExperiment(doc, now, 'después'));
		await record('fail', ['status', 'description', 'completed_at']);
		await assertPythonAccepts(checks);
	});
});
