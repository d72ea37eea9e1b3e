import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pythonReadInput, runPython } from '../json/runPython';
import { type DemoFixture, listFiles, makeDemo, runOf } from './demoFixture';
import { specTrackerKeys } from '../../specTrackerKeys';

/** Loads every file the way CrackSeg reads it: json.load (UTF-8), json.loads per JSONL line, yaml.safe_load. */
const loadScript = `${pythonReadInput}
import os, yaml
out = []
for name in cases:
    raw = open(name, "rb").read()
    result = {"file": name, "bom": raw.startswith(b"\\xef\\xbb\\xbf")}
    try:
        if name.endswith(".jsonl"):
            for line in raw.decode("utf-8").splitlines():
                json.loads(line)
        elif name.endswith(".yaml"):
            with open(name, encoding="utf-8") as handle:
                yaml.safe_load(handle)
        else:
            with open(name, encoding="utf-8") as handle:
                data = json.load(handle)
            if os.path.basename(name) == "experiment_tracker.json":
                result["keys"] = list(data.keys())
        result["ok"] = True
    except Exception as error:
        result["ok"] = False
        result["error"] = repr(error)
    out.append(result)
print(json.dumps(out))
`;

interface LoadResult {
	file: string;
	bom: boolean;
	ok: boolean;
	error?: string;
	keys?: string[];
}

describe('demo files, as Python reads them', function () {
	this.timeout(30_000);
	let fixture: DemoFixture;
	let results: LoadResult[];
	let tornTracker: string;
	let emptyTracker: string;
	before(async () => {
		fixture = await makeDemo();
		tornTracker = path.join(runOf(fixture.demo, 'corruptTracker').dir, 'experiment_tracker.json');
		emptyTracker = path.join(runOf(fixture.demo, 'createdOnly').dir, 'experiment_tracker.json');
		const files = (await listFiles(fixture.demo.root)).filter((file) => /\.(json|jsonl|yaml)$/.test(file) && file !== emptyTracker);
		results = (await runPython(loadScript, files)) as LoadResult[];
	});
	after(() => fixture.dispose());

	it('covers the JSON, JSONL and YAML files of every run', () => {
		for (const run of fixture.demo.runs) {
			assert.ok(results.some((result) => result.file.startsWith(run.dir + path.sep)), run.id);
		}
		assert.ok(results.some((result) => result.file.endsWith('.jsonl')) && results.some((result) => result.file.endsWith('.yaml')));
	});

	it('every file but the deliberately torn tracker loads in python3, and the torn one does not', () => {
		const failures = results.filter((result) => !result.ok).map((result) => `${result.file}: ${result.error ?? ''}`);
		assert.deepEqual(failures.map((failure) => failure.split(':')[0]), [tornTracker]);
	});

	it('no file starts with a BOM', () => {
		assert.deepEqual(results.filter((result) => result.bom).map((result) => result.file), []);
	});

	it('JSON files end without a newline, as json.dump leaves them; JSONL lines each end with one', async () => {
		for (const file of results.map((result) => result.file)) {
			const text = await readFile(file, 'utf8');
			if (file.endsWith('.json')) {
				assert.ok(!text.endsWith('\n'), `${file} ends with a newline`);
			} else if (file.endsWith('.jsonl')) {
				assert.ok(text.endsWith('\n') && !text.includes('\n\n'), file);
			}
		}
	});

	it('every saved experiment_tracker.json has exactly the 32 dataclass fields, in order', () => {
		const trackers = results.filter((result) => path.basename(result.file) === 'experiment_tracker.json' && result.file !== tornTracker);
		const saved = fixture.demo.runs.filter((run) => !['createdOnly', 'corruptTracker', 'trainerOnly', 'crashedMain'].includes(run.kind));
		assert.deepEqual(trackers.map((tracker) => path.dirname(tracker.file)).sort(), saved.map((run) => run.dir).sort());
		for (const tracker of trackers) {
			assert.deepEqual(tracker.keys, specTrackerKeys, tracker.file);
		}
	});

	it('JSON files hold only ASCII: non-ASCII text is written as \\u escapes (ensure_ascii)', async () => {
		for (const file of results.map((result) => result.file).filter((name) => name.endsWith('.json'))) {
			assert.doesNotMatch(await readFile(file, 'utf8'), /[^\n -~]/, file);
		}
		const laptopRun = path.join(runOf(fixture.demo, 'aborted').dir, 'experiment_tracker.json');
		assert.match(await readFile(laptopRun, 'utf8'), /"description": "[^"]*port\\u00e1til\)"/);
	});
});
