import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createRun } from '../../../../src/core/tracker/createRun';
import type { EnvironmentInfo } from '../../../../src/core/tracker/newTracker';
import { appendToRegistry } from '../../../../src/core/tracker/registry';
import { assertPythonAccepts, type FileCheck, stateRecorder } from './pythonCheck';

/** A machine with non-ASCII names, a GPU and an unrounded RAM size, as Python records them. */
const environment: EnvironmentInfo = {
	pythonVersion: '3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]', pytorchVersion: '2.7.1+cu128',
	platform: 'Linux-6.18.44-x86_64-with-glibc2.36', cudaAvailable: true, cudaVersion: '12.8',
	gitCommit: '094ff8435cd38000f6301a7586819c98a03d1084', gitBranch: 'rama-ñ', gitDirty: true,
	hostname: 'máquina-01', username: 'José', memoryGb: 25_276_502_016 / 1024 ** 3,
	gpuInfo: { count: 1, current: 0, name: 'NVIDIA GeForce RTX 3070 Ti – Laptop' },
};

/** A config as Python's json.dump writes it (float spellings 1e-05, 1e+17, 1.0; bare NaN; non-ASCII escaped). */
const pythonConfig = [
	'{', '  "training": {', '    "epochs": 3,', '    "batch_size": 8,', '    "learning_rate": 1e-05,',
	'    "optimizer": {', '      "_target_": "torch.optim.Adam"', '    },', '    "loss": {', '      "_target_": "crackseg.losses.BCEDiceLoss"', '    }', '  },',
	'  "model": {', '    "_target_": "crackseg.model.UNet",', '    "encoder": {', '      "_target_": "crackseg.encoder.CNN"', '    },',
	'    "decoder": {', '      "_target_": "crackseg.decoder.CNN"', '    }', '  },',
	'  "data": {', '    "dataset": "grietas_\\u00f1",', '    "root_dir": "data/unified/"', '  },',
	'  "extra": {', '    "big": 1e+17,', '    "one": 1.0,', '    "nan": NaN,', '    "list": [', '      1,', '      2.5,', '      "x"', '    ]', '  }', '}',
].join('\n');

describe('Python compatibility: files createRun and appendToRegistry write', function () {
	this.timeout(60_000);
	let workspace: string;
	let root: string;

	before(async () => {
		workspace = (await stateRecorder('exptrack-pycompat-create-')).dir;
		root = path.join(workspace, 'artifacts');
	});

	after(async () => {
		await rm(workspace, { recursive: true, force: true });
	});

	it('with and without a config: tracker (32 keys, Python order), info, config.json and registry read back byte for byte', async () => {
		const configFile = path.join(workspace, 'config-in.json');
		await writeFile(configFile, pythonConfig);
		const plain = await createRun({ root, workspace, name: 'plain', description: 'Línea base «U-Net»\n😀', tags: ['ñandú', 'b'], environment, now: new Date(2026, 11, 4, 15, 29, 27) });
		const configured = await createRun({ root, workspace, name: 'configured', configFile, environment, now: new Date(2026, 11, 4, 15, 29, 28) });
		const captured = await createRun({ root, workspace, name: 'captured', now: new Date(2026, 11, 4, 15, 29, 29) });
		const checks: FileCheck[] = [];
		for (const run of [plain, configured, captured]) {
			assert.deepEqual(run.warnings, []);
			checks.push({ path: path.join(run.dir, 'experiment_tracker.json'), tracker: true, canonical: true, keys: 'all32' });
			checks.push({ path: path.join(run.dir, 'experiment_info.json'), canonical: true, keys: ['id', 'name', 'timestamp', 'created_at', 'status', ...(run === configured ? ['config'] : [])] });
		}
		checks.push({ path: path.join(configured.dir, 'config.json'), canonical: true });
		checks.push({ path: path.join(root, 'experiment_registry.json'), canonical: true });
		await assertPythonAccepts(checks);
		assert.equal(await readFile(path.join(configured.dir, 'config.json'), 'utf8'), pythonConfig, 'config.json differs from the config Python wrote');
	});

	it('appends to a registry Python wrote, keeping its entries byte for byte', async () => {
		const registryRoot = path.join(workspace, 'python-root');
		await mkdir(registryRoot, { recursive: true });
		const file = path.join(registryRoot, 'experiment_registry.json');
		const original = '[\n  {\n    "id": "20261204-152927-grieta_\\u00f1",\n    "name": "grieta_\\u00f1",\n    "timestamp": "20261204-152927",\n    "path": "artifacts\\\\experiments\\\\20261204-152927-grieta_\\u00f1",\n    "created_at": "2026-12-04T15:29:27"\n  }\n]';
		await writeFile(file, original);
		const warning = await appendToRegistry(registryRoot, { id: '20261204-152928-segunda_ñ', name: 'segunda_ñ', timestamp: '20261204-152928', path: 'artifacts/experiments/20261204-152928-segunda_ñ', createdAt: '2026-12-04T15:29:28.000001' });
		assert.equal(warning, undefined);
		const text = await readFile(file, 'utf8');
		assert.ok(text.startsWith(`${original.slice(0, -2)},\n  {\n    "id": "20261204-152928-segunda_\\u00f1",`), text);
		await assertPythonAccepts([{ path: file, canonical: true }]);
	});

	it('a hand-written config with other number spellings is still saved as Python would save it', async () => {
		const configFile = path.join(workspace, 'hand-written.json');
		await writeFile(configFile, '{"training": {"epochs": 3, "learning_rate": 1E-5, "momentum": 0.90, "warmup": 1e3}, "data": {"dataset": "x", "root_dir": "d/"}}');
		const run = await createRun({ root, workspace, name: 'hand_written', configFile, environment, now: new Date(2026, 11, 4, 15, 29, 40) });
		await assertPythonAccepts([
			{ path: path.join(run.dir, 'experiment_tracker.json'), tracker: true, canonical: true, keys: 'all32' },
			{ path: path.join(run.dir, 'config.json'), canonical: true },
		]);
	});
});
