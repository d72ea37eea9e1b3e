import { type JsonNumber } from '../../core/json/jsonValue';
import { parsePythonNumberLiteral } from '../../core/json/pythonFloat';
import { reconcileTargetOf } from '../../core/edits/editRun';
import { performTrackerCall, type TrackerCall } from '../../core/runs/trackerCall';
import { abortExperiment, addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../../core/tracker/trackerApi';
import { UsageError } from '../cliError';
import { type CliCommand, type CommandArgs, listOption, stringOption } from '../command';
import type { CliContext } from '../context';
import { openRun } from '../runSession';

/** Runs one tracker method on the run named by the first positional, as its writer would. */
async function callTracker(context: CliContext, args: CommandArgs, call: TrackerCall): Promise<void> {
	const { run } = await openRun(context, args.positionals[0]!);
	const { skipped } = await performTrackerCall(reconcileTargetOf(run), call);
	if (skipped.length > 0) {
		context.err(`warning: the file has no ${skipped.map((key) => `"${key}"`).join(', ')}; not added (CrackSeg's loader rejects unknown keys)`);
	}
}

function lifecycle(name: string, summary: string, call: TrackerCall): CliCommand {
	return { name, usage: 'ID [--root DIR]...', summary, positionals: 1, run: (context, args) => callTracker(context, args, call) };
}

export const startCommand = lifecycle('start', 'Mark the run started (status running, started_at now), as start_experiment() does.', startExperiment);
export const completeCommand = lifecycle('complete', 'Mark the run completed, as complete_experiment() does.', completeExperiment);
export const abortCommand = lifecycle('abort', 'Mark the run aborted, as abort_experiment() does.', abortExperiment);

export const failCommand: CliCommand = {
	name: 'fail',
	usage: 'ID [--reason TEXT] [--root DIR]...',
	summary: 'Mark the run failed, as fail_experiment() does (the reason is appended to the description).',
	positionals: 1,
	options: { reason: { type: 'string' } },
	run: (context, args) => callTracker(context, args, (doc, now) => failExperiment(doc, now, stringOption(args, 'reason') ?? '')),
};

function requiredInteger(args: CommandArgs, name: string): number {
	const text = stringOption(args, name);
	if (text === undefined || !/^\d+$/.test(text)) {
		throw new UsageError(`--${name} needs a whole number${text === undefined ? '' : `, not "${text}"`}`);
	}
	return Number(text);
}

function numberLiteral(text: string, what: string): JsonNumber {
	const value = parsePythonNumberLiteral(text);
	if (!value) {
		throw new UsageError(`${what} must be a number, not "${text}"`);
	}
	return value;
}

export const progressCommand: CliCommand = {
	name: 'progress',
	usage: 'ID --epoch N --total N [--metric NAME=VALUE]... [--time SECONDS] [--root DIR]...',
	summary: 'Record training progress, as update_training_progress() does (metrics merged into best_metrics).',
	positionals: 1,
	options: { epoch: { type: 'string' }, total: { type: 'string' }, metric: { type: 'string', multiple: true }, time: { type: 'string' } },
	run(context, args) {
		const currentEpoch = requiredInteger(args, 'epoch');
		const totalEpochs = requiredInteger(args, 'total');
		const bestMetrics = new Map<string, JsonNumber>();
		for (const item of listOption(args, 'metric')) {
			const at = item.indexOf('=');
			if (at <= 0) {
				throw new UsageError(`--metric takes NAME=VALUE, not "${item}"`);
			}
			bestMetrics.set(item.slice(0, at), numberLiteral(item.slice(at + 1), `the value of ${item.slice(0, at)}`));
		}
		const time = stringOption(args, 'time');
		const trainingTimeSeconds = time === undefined ? undefined : numberLiteral(time, '--time');
		return callTracker(context, args, (doc) => updateTrainingProgress(doc, { currentEpoch, totalEpochs, bestMetrics, trainingTimeSeconds }));
	},
};

export const artifactCommand: CliCommand = {
	name: 'artifact',
	usage: 'ID --type TYPE --path PATH [--id ARTIFACT_ID] [--root DIR]...',
	summary: 'Record an artifact, as add_artifact() does (checkpoint, metrics and visualization paths are listed).',
	positionals: 1,
	options: { type: { type: 'string' }, path: { type: 'string' }, id: { type: 'string' } },
	run(context, args) {
		const type = stringOption(args, 'type');
		const file = stringOption(args, 'path');
		if (!type || !file) {
			throw new UsageError('artifact needs --type and --path');
		}
		// Python's callers name artifacts freely; the file's stem is a sensible default id.
		const id = stringOption(args, 'id') ?? file.replace(/\\/g, '/').split('/').pop()!.replace(/\.[^.]*$/, '');
		return callTracker(context, args, (doc) => addArtifact(doc, { id, type, path: file }));
	},
};
