import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseBenchOptions, type BenchOptions } from './benchOptions';
import { measureBundleSizes } from './bundleSizes';
import { measureCliList, measureNodeStartup } from './cliTiming';
import { type BenchResults, buildFigures } from './figures';
import { describeMix, generateWorkspace, type GeneratedWorkspace } from './generateRuns';
import { measureLiveIndex } from './liveIndex';
import { type ColdLoad, compareColdLoad, sweepConcurrency } from './measures';
import { describeMachine, formatTable, isMet, writeResults } from './report';

/** The repository (this file runs from out/bench/). */
const repo = path.resolve(__dirname, '..', '..');
const concurrencyValues = [8, 16, 32, 64, 128];

const log = (message: string) => console.error(`[bench] ${message}`);

function generate(parent: string, runs: number): GeneratedWorkspace {
	const start = Date.now();
	const generated = generateWorkspace(path.join(parent, `ws-${runs}`), runs);
	log(`generated ${runs.toLocaleString('en-US')} runs (${(generated.bytes / 1024 / 1024).toFixed(0)} MB) in ${((Date.now() - start) / 1000).toFixed(1)} s: ${JSON.stringify(describeMix(generated))}`);
	return generated;
}

async function measureScales(parent: string, options: BenchOptions, main: { runs: number; cold: ColdLoad }): Promise<Array<{ runs: number; cold: ColdLoad }>> {
	const results: Array<{ runs: number; cold: ColdLoad }> = [];
	for (const runs of [...new Set(options.scales)].sort((a, b) => a - b)) {
		if (runs === main.runs) {
			results.push(main);
			continue;
		}
		const generated = generate(parent, runs);
		try {
			log(`scale ${runs}: floor and cold index`);
			results.push({ runs, cold: await compareColdLoad({ root: generated.root, workspace: generated.workspace }, runs > 20_000 ? 3 : options.repetitions) });
		} finally {
			if (!options.keep) {
				rmSync(generated.workspace, { recursive: true, force: true });
			}
		}
	}
	return results;
}

async function run(options: BenchOptions, parent: string): Promise<BenchResults> {
	log(`machine: ${JSON.stringify(describeMachine())}`);
	log('bundle sizes (production build in memory)');
	const bundles = await measureBundleSizes(repo);
	const generated = generate(parent, options.runs);
	const spec = { root: generated.root, workspace: generated.workspace };
	log(`floor and cold index, ${options.repetitions} repetitions each`);
	const cold = await compareColdLoad(spec, options.repetitions);
	log(`concurrency sweep ${concurrencyValues.join(', ')}`);
	const sweep = await sweepConcurrency(spec, concurrencyValues, 3);
	log('exptrack list and node start-up');
	const nodeStartup = await measureNodeStartup(generated.workspace, 5);
	const cli = await measureCliList(path.join(repo, 'dist', 'cli.js'), generated.root, generated.workspace, path.join(parent, 'exptrack-cache'), cold.runs, 3);
	log('live index: heap, watcher, refresh, event latency');
	const live = await measureLiveIndex(generated, options.writes);
	if (!options.keep) {
		rmSync(generated.workspace, { recursive: true, force: true });
	}
	const scales = await measureScales(parent, options, { runs: options.runs, cold });
	return { runs: options.runs, mix: describeMix(generated), cold, sweep, live, bundles, scales, cli, nodeStartup };
}

async function main(): Promise<number> {
	const options = parseBenchOptions(process.argv.slice(2));
	if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
		log('warning: run with node --expose-gc (npm run bench does); heap figures are unreliable without it');
	}
	const parent = mkdtempSync(path.join(os.tmpdir(), 'exptrack-bench-'));
	try {
		const results = await run(options, parent);
		const figures = buildFigures(results);
		console.log(formatTable(figures));
		const file = path.join(repo, 'bench', 'results.json');
		writeResults(file, figures, { ...results }, { ...options });
		const missed = figures.filter((figure) => isMet(figure) === false);
		console.log(`\n${missed.length === 0 ? 'Every target met.' : `${missed.length} target(s) missed: ${missed.map((figure) => figure.label).join('; ')}`} Results: ${path.relative(repo, file)}`);
		return 0;
	} finally {
		if (options.keep) {
			log(`workspaces kept in ${parent}`);
		} else {
			rmSync(parent, { recursive: true, force: true });
		}
	}
}

main().then((code) => process.exit(code), (error: unknown) => {
	console.error(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	process.exit(1);
});
