import { describeEdit } from '../edits/editOps';
import { isLowerBetter } from '../metrics/metricNames';
import { elapsedMs, etaMs, headlineMetric, progressPercent } from '../progress/progress';
import type { RunDetails } from '../runs/runDetails';
import { listedArtifacts, panelPath } from './panelArtifacts';
import { chartModels } from './panelCharts';
import { environmentFields, systemFields, timestampFields } from './panelFields';
import { formatDuration, formatMetric } from './formatValues';
import { runVisualState } from './visualState';
import type { PanelData, PanelMetric } from '../../shared/panelData';

function metricList(details: RunDetails): PanelMetric[] {
	const { summary, metrics } = details;
	const recorded = Object.keys(summary.bestMetrics).length > 0;
	const entries = recorded
		? Object.entries(summary.bestMetrics).map(([name, value]) => ({ name, value, epoch: metrics.bestMetrics[name]?.epoch }))
		: Object.entries(metrics.bestMetrics).map(([name, best]) => ({ name, value: best.value, epoch: best.epoch }));
	const headline = headlineMetric(Object.fromEntries(entries.map((entry) => [entry.name, entry.value])))?.name;
	return entries
		.sort((a, b) => Number(b.name === headline) - Number(a.name === headline) || a.name.localeCompare(b.name))
		.map((entry) => ({ ...entry, text: formatMetric(entry.value), lowerIsBetter: isLowerBetter(entry.name) }));
}

/**
 * Everything the detail panel shows for one run, from its details: pure, so the panel's
 * content is unit-tested without a webview. Image `src` URIs are the extension's to add.
 */
export function panelModel(details: RunDetails, options: { nowMs: number; readOnly: boolean }): PanelData {
	const { summary: run, tracker } = details;
	const live = run.status === 'running' || run.inferredStatus === 'running';
	const elapsed = elapsedMs(run.startedAt, run.completedAt, options.nowMs);
	const eta = live ? etaMs(details.metrics.epochTimes.length > 0 ? details.metrics.epochTimes.slice(-5) : run.epochTimes, run.currentEpoch, run.totalEpochs, run.startedAt) : undefined;
	const config = details.config;
	const hash = tracker?.config_hash ?? '';
	const { artifacts, managedArtifacts, images } = listedArtifacts(details);
	return {
		run: {
			dir: run.dir, id: run.id, name: run.name, status: run.status, statusSource: run.statusSource,
			inferredStatus: run.inferredStatus, visualState: runVisualState(run), stale: run.stale,
			description: run.description, tags: run.tags,
			pendingEdits: run.editsInFile ? [] : run.pendingEdits.map(describeEdit),
		},
		progress: {
			...(run.currentEpoch === undefined ? {} : { currentEpoch: run.currentEpoch }),
			...(run.totalEpochs === undefined ? {} : { totalEpochs: run.totalEpochs }),
			...(progressPercent(run.currentEpoch, run.totalEpochs) === undefined ? {} : { percent: progressPercent(run.currentEpoch, run.totalEpochs) }),
			...(elapsed === undefined ? {} : { elapsed: formatDuration(elapsed) }),
			...(eta === undefined ? {} : { eta: formatDuration(eta) }),
			...(run.trainingTimeSeconds === undefined ? {} : { trainingTime: formatDuration(run.trainingTimeSeconds * 1000) }),
		},
		metrics: metricList(details),
		charts: chartModels(details.metrics),
		config: {
			...(config ? { file: panelPath(run.dir, config.file).path } : {}),
			summary: Object.entries(tracker?.config_summary ?? {}).map(([label, value]) => ({ label, value: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) })),
			hash,
			verification: config ? config.verification.status : hash ? 'unverifiable' : 'none',
			...(config?.verification.reason ? { verificationDetail: config.verification.reason } : !config && hash ? { verificationDetail: 'no config.json in the run folder' } : {}),
		},
		environment: environmentFields(tracker),
		git: { commit: tracker?.git_commit ?? '', branch: tracker?.git_branch ?? '', ...(tracker?.git_commit ? { dirty: tracker.git_dirty } : {}) },
		system: systemFields(tracker),
		timestamps: timestampFields(run, tracker),
		artifacts,
		managedArtifacts,
		images,
		problems: run.problems.map((entry) => {
			const where = panelPath(run.dir, entry.file);
			return { severity: entry.severity, message: entry.message, file: where.path, insideRun: where.insideRun };
		}),
		history: [...details.history].reverse().map((entry) => ({ at: entry.resolvedAt, text: describeEdit(entry.op), outcome: entry.outcome, by: entry.by })),
		readOnly: options.readOnly,
		readAtMs: options.nowMs,
	};
}
