import { stringifyStrict } from '../json/strictJson';
import type { ResolvedArtifact } from '../runs/artifactPaths';
import type { RunDetails } from '../runs/runDetails';
import { escapeMarkdown, labelledItem, markdownTable } from './markdownText';
import { formatTimestamp } from './formatValues';
import { runBodyBlocks } from './runsMarkdown';
import { epochText } from './runText';

/**
 * One run in full as Markdown: identity, status and times, its metrics, description, pending
 * edits and problems ({@link runBodyBlocks}), the config summary and config check, the
 * environment, git, and every artifact with a `missing` marker for files not on disk. All
 * text from run files is escaped; sections without data are left out.
 */
export function runDetailsToMarkdown(details: RunDetails): string {
	const { summary: run, tracker } = details;
	const blocks = [`# ${escapeMarkdown(run.name || run.id)}`, [
		...labelledItem('ID', run.id),
		...labelledItem('Epochs', epochText(run)),
		...labelledItem('Tags', run.tags.join(', ')),
		...labelledItem('Created', run.createdAt ? formatTimestamp(run.createdAt) : undefined),
	].join('\n'), ...runBodyBlocks(run, '##')];
	const config = configBlock(details);
	if (config) {
		blocks.push('## Configuration', config);
	}
	if (tracker) {
		const environment = [
			...labelledItem('Python', tracker.python_version.split(' ')[0]),
			...labelledItem('PyTorch', tracker.pytorch_version),
			...labelledItem('CUDA', tracker.cuda_available ? tracker.cuda_version ?? 'available' : 'not available'),
			...labelledItem('Platform', tracker.platform),
			...labelledItem('Host', tracker.hostname),
			...labelledItem('User', tracker.username),
			...labelledItem('Memory', tracker.memory_gb > 0 ? `${tracker.memory_gb.toFixed(1)} GiB` : undefined),
			...labelledItem('GPU', Object.keys(tracker.gpu_info).length > 0 ? stringifyStrict(tracker.gpu_info) : undefined),
		];
		blocks.push('## Environment', environment.join('\n'));
		if (tracker.git_commit || tracker.git_branch) {
			blocks.push('## Git', [
				...labelledItem('Commit', tracker.git_commit),
				...labelledItem('Branch', tracker.git_branch),
				...labelledItem('Uncommitted changes', tracker.git_dirty ? 'yes' : 'no'),
			].join('\n'));
		}
	}
	const artifacts = artifactLines(details);
	if (artifacts.length > 0) {
		blocks.push('## Artifacts', artifacts.join('\n'));
	}
	return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

function configBlock(details: RunDetails): string | undefined {
	const lines: string[] = [];
	const summary = Object.entries(details.tracker?.config_summary ?? {});
	if (summary.length > 0) {
		lines.push(markdownTable(['Key', 'Value'], summary.map(([key, value]) => [key, typeof value === 'string' ? value : stringifyStrict(value)])), '');
	}
	lines.push(...labelledItem('Config hash', details.tracker?.config_hash));
	if (details.config) {
		const check = details.config.verification;
		lines.push(...labelledItem('Config file', details.config.file), ...labelledItem('Hash check', `${check.status}${check.reason ? ` (${check.reason})` : ''}`));
	}
	return lines.length > 0 ? lines.join('\n').trim() : undefined;
}

function artifactLines(details: RunDetails): string[] {
	const item = (kind: string, artifact: ResolvedArtifact) => `- ${escapeMarkdown(`${kind}: ${artifact.stored}`)}${artifact.exists ? '' : ' **(missing)**'}`;
	const { checkpoints, metricFiles, visualizations, managed } = details.artifacts;
	return [
		...checkpoints.map((artifact) => item('checkpoint', artifact)),
		...metricFiles.map((artifact) => item('metrics', artifact)),
		...visualizations.map((artifact) => item('visualization', artifact)),
		...managed.map((record) => `${item(record.type || 'artifact', record.file)}${record.checksumState === 'changed' ? ' **(changed since recorded)**' : ''}${record.versions.length > 0 ? ` (${record.versions.length} version${record.versions.length === 1 ? '' : 's'})` : ''}`),
	];
}
