import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { dumpYaml } from '../../../../src/core/config/yamlDump';
import { randomConfig, toJsonLine } from './randomConfig';

const repoRoot = path.resolve(__dirname, '../../../../..');
const dumperScript = path.join(repoRoot, 'test/fixtures/python/omegaconf_dump.py');
const configCount = 1500;
// Override with YAML_FUZZ_SEED=<n> to explore; every config i uses seed baseSeed + i.
const baseSeed = Number(process.env.YAML_FUZZ_SEED ?? 20250805);

function pyYamlAvailable(): boolean {
	return spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
}

function runPythonDumper(lines: string[]): unknown[] {
	const result = spawnSync('python3', [dumperScript], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	assert.equal(result.status, 0, `omegaconf_dump.py failed: ${result.stderr}`);
	return JSON.parse(result.stdout) as unknown[];
}

describe('dumpYaml against real PyYAML (differential)', function () {
	this.timeout(120_000);

	before(function () {
		if (!pyYamlAvailable()) {
			console.warn('    skipped: `python3 -c "import yaml"` failed, so PyYAML is not available to compare against');
			this.skip();
		}
	});

	it(`writes ${configCount} random tricky configs byte for byte as PyYAML with OmegaConf's quoting does`, () => {
		const configs = Array.from({ length: configCount }, (_, index) => randomConfig(baseSeed + index));
		const lines = configs.map(toJsonLine);
		const expected = runPythonDumper(lines);
		assert.equal(expected.length, configCount, 'python returned one result per config');
		const mismatches: string[] = [];
		for (let index = 0; index < configCount; index++) {
			const wanted = expected[index];
			if (typeof wanted !== 'string') {
				mismatches.push(`seed ${baseSeed + index}: PyYAML could not dump ${lines[index]}: ${JSON.stringify(wanted)}`);
				continue;
			}
			const actual = dumpYaml(configs[index]);
			if (actual !== wanted) {
				mismatches.push(`seed ${baseSeed + index}: input ${lines[index]}\n  PyYAML:   ${JSON.stringify(wanted)}\n  dumpYaml: ${JSON.stringify(actual)}`);
			}
		}
		assert.deepEqual(mismatches.slice(0, 5), [], `${mismatches.length} of ${configCount} configs differ; first ones:\n${mismatches.slice(0, 5).join('\n')}`);
	});
});
