import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { toPlain } from '../../../../src/core/json/plain';
import { type DemoFixture, makeDemo, readJson, readObject, runOf } from './demoFixture';
import { decodePng } from './pngReader';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface MetadataRecord {
	experiment_name: string;
	artifact_type: string;
	file_path: string;
	file_size: number;
	checksum: string;
	tags: string[];
}

describe('demo ArtifactManager folder and images', () => {
	let fixture: DemoFixture;
	before(async () => {
		fixture = await makeDemo();
	});
	after(() => fixture.dispose());

	it('has the seven ArtifactManager folders', async () => {
		const run = runOf(fixture.demo, 'artifactManager');
		const folders = (await readdir(run.dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
		assert.deepEqual(folders, ['configs', 'logs', 'metrics', 'models', 'predictions', 'reports', 'visualizations']);
	});

	it('lists its files in metadata.json with the 9 keys, real sizes and real SHA-256 checksums', async () => {
		const run = runOf(fixture.demo, 'artifactManager');
		const records = toPlain(await readJson(path.join(run.dir, 'metadata.json'))) as MetadataRecord[];
		assert.ok(Array.isArray(records));
		const types = new Set(records.map((record) => record.artifact_type));
		assert.ok(types.has('model') && types.has('visualization'), [...types].join());
		for (const record of records) {
			assert.deepEqual(Object.keys(record), ['experiment_name', 'timestamp', 'artifact_type', 'file_path', 'file_size', 'checksum', 'description', 'tags', 'dependencies']);
			assert.equal(record.experiment_name, run.id);
			assert.ok(record.file_path.startsWith(`artifacts/${run.id}/`), record.file_path);
			const bytes = await readFile(path.join(fixture.demo.workspace, record.file_path));
			assert.equal(record.file_size, bytes.length, record.file_path);
			assert.equal(record.checksum, sha256(bytes), record.file_path);
			assert.equal(record.tags[0], record.artifact_type);
		}
		const underModelsOrVisualizations = records.filter((record) => /\/(models|visualizations)\//.test(record.file_path));
		assert.ok(underModelsOrVisualizations.length >= 2);
	});

	it('keeps two versions of the best model, the current one matching the file', async () => {
		const run = runOf(fixture.demo, 'artifactManager');
		const versions = toPlain(await readJson(path.join(run.dir, 'artifact_versions.json'))) as Record<string, {
			artifact_id: string; current_version: string; versions: Record<string, { version_id: string; checksum: string; file_path: string; file_size: number }>;
		}>;
		const best = versions.best_model!;
		assert.deepEqual(Object.keys(best), ['artifact_id', 'current_version', 'versions', 'created_at', 'updated_at']);
		assert.equal(Object.keys(best.versions).length, 2);
		for (const [id, version] of Object.entries(best.versions)) {
			assert.match(id, /^best_model_v\d{8}_\d{6}$/);
			assert.equal(version.version_id, id);
			assert.deepEqual(Object.keys(version), ['version_id', 'artifact_id', 'file_path', 'checksum', 'file_size', 'created_at', 'description', 'tags', 'metadata']);
		}
		const current = best.versions[best.current_version]!;
		const bytes = await readFile(path.join(fixture.demo.workspace, current.file_path));
		assert.deepEqual([current.checksum, current.file_size], [sha256(bytes), bytes.length]);
	});

	it('has a completed tracker pointed at the folder, listing its metrics and visualization files', async () => {
		const run = runOf(fixture.demo, 'artifactManager');
		const doc = toPlain(await readObject(path.join(run.dir, 'experiment_tracker.json'))) as Record<string, unknown>;
		assert.deepEqual([doc.experiment_id, doc.status], [run.id, 'completed']);
		assert.deepEqual(doc.checkpoint_paths, []);
		assert.deepEqual(doc.artifact_ids, ['best_model', 'final_metrics', 'training_curves']);
		assert.deepEqual(doc.visualization_files, [`artifacts/${run.id}/visualizations/training_curves.png`]);
	});

	it('every PNG of the demo is a valid image with correct CRCs', async () => {
		const pngs = [
			path.join(runOf(fixture.demo, 'completed', 'unet_baseline').dir, 'results', 'visualizations', 'training_curves.png'),
			path.join(runOf(fixture.demo, 'completed', 'swinv2_hybrid').dir, 'results', 'visualizations', 'training_curves.png'),
			path.join(runOf(fixture.demo, 'artifactManager').dir, 'visualizations', 'training_curves.png'),
		];
		for (const file of pngs) {
			const png = decodePng(await readFile(file));
			assert.deepEqual([png.width, png.height, png.bitDepth, png.colourType], [320, 200, 8, 6], file);
			assert.equal(png.scanlines.length, png.height * (1 + png.width * 4), file);
		}
	});
});
