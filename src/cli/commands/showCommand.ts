import { readRunDetails, type RunDetails } from '../../core/runs/runDetails';
import type { ResolvedArtifact } from '../../core/runs/artifactPaths';
import { elapsedMs, etaMs, progressPercent } from '../../core/progress/progress';
import type { CliCommand } from '../command';
import { findRun, listRuns } from '../context';
import { formatDuration } from '../../core/view/formatValues';
import { epochText, metricsListText, shownMetrics, statusText } from '../../core/view/runText';
import { problemToJson, runToJson, toJson } from '../output';

/** `exptrack show ID`: one run in full. */
export const showCommand: CliCommand = {
	name: 'show',
	usage: 'ID [--root DIR]... [--json]',
	summary: 'Show one run: status, progress, metrics, config, environment, artifacts, problems.',
	positionals: 1,
	async run(context, args) {
		const run = findRun(await listRuns(context), args.positionals[0]!);
		const details = await readRunDetails(run);
		context.out(context.json ? toJson(detailsToJson(details)) : renderDetails(details));
	},
};

function detailsToJson(details: RunDetails): Record<string, unknown> {
	return {
		...runToJson(details.summary),
		tracker: details.tracker ?? null,
		info: details.info ?? null,
		infoMetadata: details.infoMetadata ?? null,
		config: details.config ? { file: details.config.file, ...details.config.verification } : null,
		artifacts: details.artifacts,
		metrics: { series: details.metrics.series, bestMetrics: details.metrics.bestMetrics, finished: details.metrics.finished, sources: details.metrics.sources },
		history: details.history,
		problems: details.summary.problems.map(problemToJson),
	};
}

function renderDetails(details: RunDetails): string {
	const { summary: run, tracker } = details;
	const nowMs = Date.now();
	const lines: string[] = [`${run.name}  (${run.id})`, `  folder      ${run.dir}`, `  status      ${statusText(run)}${run.stale ? '  ⚠ stale' : ''}`];
	const percent = progressPercent(run.currentEpoch, run.totalEpochs);
	const elapsed = elapsedMs(run.startedAt, run.completedAt, nowMs);
	const eta = run.status === 'running' || run.inferredStatus === 'running' ? etaMs(run.epochTimes, run.currentEpoch, run.totalEpochs, run.startedAt) : undefined;
	lines.push(`  epoch       ${epochText(run)}${percent === undefined ? '' : ` (${percent.toFixed(0)}%)`}${elapsed === undefined ? '' : `  elapsed ${formatDuration(elapsed)}`}${eta === undefined ? '' : `  ETA ${formatDuration(eta)}`}`);
	if (run.description) {
		lines.push(`  description ${run.description.replace(/\n/g, '\n              ')}`);
	}
	if (run.tags.length > 0) {
		lines.push(`  tags        ${run.tags.join(', ')}`);
	}
	const metrics = shownMetrics(run);
	if (metrics) {
		lines.push(`  ${metrics.kind.padEnd(11)} ${metricsListText(metrics.values)}`);
	}
	lines.push(`  created     ${run.createdAt || '—'}   started ${run.startedAt || '—'}   completed ${run.completedAt || '—'}`);
	if (tracker) {
		lines.push(`  environment Python ${tracker.python_version.split(' ')[0] || '—'}, PyTorch ${tracker.pytorch_version || '—'}, CUDA ${tracker.cuda_available ? tracker.cuda_version ?? '?' : 'no'}, ${tracker.platform || '—'}`);
		lines.push(`  git         ${tracker.git_commit ? tracker.git_commit.slice(0, 12) : '—'} on ${tracker.git_branch || '—'}${tracker.git_dirty ? ' (dirty)' : ''}`);
		lines.push(`  host        ${tracker.hostname || '—'} (${tracker.username || '—'}), ${tracker.memory_gb ? `${tracker.memory_gb.toFixed(1)} GiB RAM` : 'RAM unknown'}`);
	}
	if (details.config) {
		const check = details.config.verification;
		lines.push(`  config      ${details.config.file} — hash ${check.status}${check.reason ? ` (${check.reason})` : ''}`);
	}
	const artifactLines = (label: string, list: readonly ResolvedArtifact[]) => list.map((item) => `  ${label.padEnd(11)} ${item.stored}${item.exists ? '' : '  ✗ missing'}`);
	lines.push(...artifactLines('checkpoint', details.artifacts.checkpoints), ...artifactLines('metrics', details.artifacts.metricFiles), ...artifactLines('image', details.artifacts.visualizations));
	for (const record of details.artifacts.managed) {
		lines.push(`  artifact    ${record.type} ${record.file.stored} — ${record.checksumState}${record.versions.length > 0 ? `, ${record.versions.length} version(s)` : ''}`);
	}
	for (const edit of run.editsInFile ? [] : run.pendingEdits) {
		lines.push(`  pending     ${edit.op} (${edit.at}) — waiting for the run's writer to stop`);
	}
	for (const entry of run.problems) {
		lines.push(`  ${entry.severity === 'info' ? 'note' : 'problem'}     ${entry.message} [${entry.file}]`);
	}
	return lines.join('\n');
}
