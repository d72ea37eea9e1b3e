import type { BundleSize } from './bundleSizes';
import type { CliTimings } from './cliTiming';
import type { RunMix } from './generateRuns';
import type { LiveResults } from './liveIndex';
import type { ColdLoad } from './measures';
import type { Figure } from './report';
import { quantile, type Samples } from './stats';

/** Everything one bench run measured, before it becomes figures. */
export interface BenchResults {
	readonly runs: number;
	readonly mix: RunMix;
	readonly cold: ColdLoad;
	readonly sweep: ReadonlyArray<{ concurrency: number; ms: number }>;
	readonly live: LiveResults;
	readonly bundles: readonly BundleSize[];
	readonly scales: ReadonlyArray<{ runs: number; cold: ColdLoad }>;
	readonly cli: CliTimings;
	readonly nodeStartup: Samples;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mib = (bytes: number) => bytes / 1024 / 1024;
const count = (value: number) => value.toLocaleString('en-US');

/** One `exptrack list` timing, as a multiple of floor + Node's start-up; only the cached one has the budget as its target. */
function cliFigure(key: string, label: string, value: number, results: BenchResults, budget?: number): Figure {
	const base = results.cold.floor.min + results.nodeStartup.min;
	const detail = `= ${(value / base).toFixed(2)}× (floor + startup); budget 1.5 × floor ${ms(results.cold.floor.min)} + node -e 0 ${ms(results.nodeStartup.min)}`;
	return budget === undefined ? { key, label, value, unit: 'ms', detail } : { key, label, value, unit: 'ms', target: { max: budget, text: `≤ ${ms(budget)}` }, detail };
}

function coldFigures(results: BenchResults): Figure[] {
	const { cold, sweep } = results;
	const best = sweep.reduce((a, b) => (b.ms < a.ms ? b : a), sweep[0] ?? { concurrency: 32, ms: cold.index.min });
	return [
		{ key: 'floor.ms', label: `Floor (plain sync loop, ${count(cold.runs)} runs)`, value: cold.floor.min, unit: 'ms', detail: `min of ${cold.floor.samples.length}; median ${ms(cold.floor.median)}` },
		{ key: 'coldIndex.ratio', label: 'Cold index load / floor', value: cold.ratio, unit: '×', target: { max: 1.3, text: '≤ 1.30×' }, detail: `index ${ms(cold.index.min)} vs floor ${ms(cold.floor.min)} (min of ${cold.index.samples.length}; index median ${ms(cold.index.median)}), concurrency 32` },
		{ key: 'coldIndex.bestConcurrency.ratio', label: `Cold index, best concurrency (${best.concurrency}) / floor`, value: best.ms / cold.floor.min, unit: '×', target: { max: 1.3, text: '≤ 1.30×' }, detail: sweep.map((entry) => `${entry.concurrency}: ${ms(entry.ms)}`).join(', ') },
	];
}

function liveFigures(live: LiveResults, runs: number): Figure[] {
	const refresh = (key: string, label: string, samples: Samples, sampled: number, target: boolean): Figure => ({
		key, label, value: samples.median, unit: 'ms', ...(target ? { target: { max: 2, text: '≤ 2 ms' } } : {}), detail: `median of ${sampled}; min ${ms(samples.min)}, p95 ${ms(quantile(samples.samples, 0.95))}`,
	});
	const latency = live.latency.flatMap((result): Figure[] => {
		const what = result.kind === 'append' ? 'epoch line appended' : 'tracker rewritten';
		const detail = `${result.writes} writes on different runs, one at a time; max ${ms(result.max)}${result.missed > 0 ? `; ${result.missed} MISSED (no event in 5 s)` : ''}`;
		return [
			{ key: `eventLatency.${result.kind}.p50`, label: `Write → changed event, ${what}: p50`, value: result.p50, unit: 'ms', detail },
			{ key: `eventLatency.${result.kind}.p95`, label: `Write → changed event, ${what}: p95`, value: result.missed > 0 ? Number.POSITIVE_INFINITY : result.p95, unit: 'ms', target: { max: 150, text: '≤ 150 ms' }, detail },
		];
	});
	return [
		refresh('refresh.metrics.first.median', 'One-run re-index (run with metrics, new follower)', live.refreshMetrics.first, live.refreshMetrics.runs, true),
		refresh('refresh.metrics.repeat.median', 'One-run re-index (run with metrics, again)', live.refreshMetrics.repeat, live.refreshMetrics.runs, true),
		refresh('refresh.plain.median', 'One-run re-index (tracker + info only)', live.refreshPlain.first, live.refreshPlain.runs, true),
		...latency,
		{ key: 'watcher.startMs', label: 'Watcher start-up (watch() until ready)', value: live.watchStartMs, unit: 'ms', detail: `${live.polling ? `FELL BACK TO POLLING: ${live.warnings.join(' | ')}` : 'OS file events, no polling fallback'}${live.inotifyWatches === undefined ? '' : `; ${count(live.inotifyWatches)} inotify watches`}` },
		{ key: 'heap.indexMb', label: 'Heap held by the loaded index', value: mib(live.heapIndexBytes), unit: 'MB', target: { max: 60, text: '≤ 60 MB' }, detail: `${(live.heapIndexBytes / 1024 / runs).toFixed(1)} KB per run; gc() before and after; MB = 2^20 bytes` },
		{ key: 'heap.watchingMb', label: 'Heap held by the index + watcher', value: mib(live.heapWatchingBytes), unit: 'MB', detail: `watcher adds ${mib(live.heapWatchingBytes - live.heapIndexBytes).toFixed(1)} MB` },
	];
}

function scaleFigures(results: BenchResults): Figure[] {
	const rows = results.scales.map(({ runs, cold }): Figure => ({
		key: `scale.${runs}.msPerRun`, label: `Scale ${count(runs)}: cold index per run`, value: cold.index.min / runs, unit: 'ms/run',
		detail: `index ${ms(cold.index.min)}, floor ${ms(cold.floor.min)} (${(cold.floor.min / runs).toFixed(4)} ms/run), ratio ${cold.ratio.toFixed(2)}×`,
	}));
	const first = results.scales[0];
	const last = results.scales[results.scales.length - 1];
	if (first && last && last.runs !== first.runs) {
		const growth = (last.cold.index.min / last.runs) / (first.cold.index.min / first.runs);
		rows.push({ key: 'scale.perRunGrowth', label: `Per-run cost, ${count(last.runs)} vs ${count(first.runs)} runs`, value: growth, unit: '×', detail: `1.00× is exactly linear; floor grows ${((last.cold.floor.min / last.runs) / (first.cold.floor.min / first.runs)).toFixed(2)}×` });
	}
	return rows;
}

/** The bench's figures, in the order of the printed table. */
export function buildFigures(results: BenchResults): Figure[] {
	const budget = 1.5 * results.cold.floor.min + results.nodeStartup.min;
	const { mix } = results;
	return [
		{ key: 'workspace.runs', label: 'Generated runs (main workspace)', value: mix.runs, unit: 'runs', detail: `${count(mix.withTracker)} with tracker, ${count(mix.withMetrics)} with metrics files, ${count(mix.diverged)} with NaN, ${count(mix.running)} running` },
		...coldFigures(results),
		...liveFigures(results.live, results.runs),
		...results.bundles.map((bundle): Figure => ({
			key: `bundle.${bundle.file}`, label: `Bundle ${bundle.file} (production)`, value: bundle.bytes / 1024, unit: 'KB',
			...(bundle.file === 'dist/extension.js' ? { target: { max: 400, text: '≤ 400 KB' } } : {}), detail: bundle.error === undefined ? `${count(bundle.bytes)} bytes, minified` : `BUILD FAILED: ${bundle.error}`,
		})),
		...scaleFigures(results),
		cliFigure('cli.list.ms', 'exptrack list --json (child process, its cache warm)', results.cli.cached.min, results, budget),
		cliFigure('cli.list.firstRun.ms', 'exptrack list --json (first run: reads every run, fills the cache)', results.cli.firstRun, results),
		cliFigure('cli.list.noCache.ms', 'exptrack list --json --no-cache', results.cli.uncached.min, results),
	];
}
