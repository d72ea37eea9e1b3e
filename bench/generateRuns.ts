import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonNode } from '../src/core/json/jsonValue';
import { dumpPythonJson } from '../src/core/json/pythonJson';
import { managerTimestamp, pythonIsoNow } from '../src/core/tracker/timestamps';
import { configJsonText, infoText, plannedEpochs, runId, summaryTexts, trackerText, validationLineOf } from './runFiles';
import { planRun, type RunPlan } from './runPlan';

/** One generated run folder. */
export interface GeneratedRun {
	readonly plan: RunPlan;
	readonly id: string;
	/** Absolute run folder. */
	readonly dir: string;
}

/** A generated workspace: `<workspace>/artifacts/experiments/<id>/…` plus the registry. */
export interface GeneratedWorkspace {
	readonly workspace: string;
	/** `<workspace>/artifacts`, the root the index is given. */
	readonly root: string;
	readonly runs: readonly GeneratedRun[];
	/** Bytes written, over every file. */
	readonly bytes: number;
}

/** How many generated runs have each kind of content. */
export interface RunMix {
	readonly runs: number;
	readonly withTracker: number;
	readonly withMetrics: number;
	readonly diverged: number;
	readonly running: number;
}

/** Counts the mix of a generated workspace (for the log and results.json). */
export function describeMix(generated: GeneratedWorkspace): RunMix {
	const plans = generated.runs.map((run) => run.plan);
	return {
		runs: plans.length,
		withTracker: plans.filter((plan) => plan.hasTracker).length,
		withMetrics: plans.filter((plan) => plan.hasMetrics).length,
		diverged: plans.filter((plan) => plan.diverged).length,
		running: plans.filter((plan) => plan.status === 'running').length,
	};
}

/** Folders `ExperimentManager(create_dirs=True)` makes in every run (spec §1.2); only metrics/ is read. */
const managerFolders = ['checkpoints', 'logs', 'metrics', 'results'];

/**
 * Writes `count` runs in CrackSeg's real format under `<workspace>/artifacts` (see
 * {@link planRun} for the mix), with `experiment_registry.json` listing them all. Writes are
 * synchronous: generation is not measured, and sync writes are the fastest way to make
 * tens of thousands of small files.
 */
export function generateWorkspace(workspace: string, count: number): GeneratedWorkspace {
	const root = path.join(workspace, 'artifacts');
	const experiments = path.join(root, 'experiments');
	mkdirSync(path.join(root, 'shared'), { recursive: true });
	let bytes = 0;
	const write = (file: string, text: string) => {
		writeFileSync(file, text);
		bytes += Buffer.byteLength(text);
	};
	const runs: GeneratedRun[] = [];
	const registry: JsonNode[] = [];
	for (let index = 0; index < count; index++) {
		const plan = planRun(index);
		const id = runId(plan);
		const dir = path.join(experiments, id);
		const storedDir = `artifacts/experiments/${id}`;
		for (const folder of managerFolders) {
			mkdirSync(path.join(dir, folder), { recursive: true });
		}
		const epochs = plannedEpochs(plan);
		write(path.join(dir, 'experiment_info.json'), infoText(plan));
		if (plan.hasTracker) {
			write(path.join(dir, 'experiment_tracker.json'), trackerText(plan, epochs, storedDir));
		} else {
			write(path.join(dir, 'config.json'), configJsonText(plan));
		}
		if (plan.hasMetrics) {
			write(path.join(dir, 'metrics', 'validation_metrics.jsonl'), epochs.map((epoch) => validationLineOf(plan, epoch)).join(''));
			const { summary, complete } = summaryTexts(plan, epochs, storedDir);
			write(path.join(dir, 'metrics', 'summary.json'), summary);
			if (complete !== undefined) {
				write(path.join(dir, 'metrics', 'complete_summary.json'), complete);
			}
		}
		registry.push(new Map<string, JsonNode>([
			['id', id], ['name', plan.name], ['timestamp', managerTimestamp(new Date(plan.createdMs))], ['path', storedDir], ['created_at', pythonIsoNow(plan.createdMs)],
		]));
		runs.push({ plan, id, dir });
	}
	write(path.join(root, 'experiment_registry.json'), dumpPythonJson(registry));
	return { workspace, root, runs, bytes };
}
