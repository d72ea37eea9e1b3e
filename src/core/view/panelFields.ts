import type { TrackerData } from '../format/trackerSchema';
import type { RunSummary } from '../runs/runModel';
import { formatTimestamp } from './formatValues';
import type { PanelField } from '../../shared/panelData';

const known = (label: string, value: string | undefined): PanelField[] => (value ? [{ label, value }] : []);

/** Python, PyTorch, platform, CUDA, GPU, as recorded (nothing when the run recorded none). */
export function environmentFields(tracker: TrackerData | undefined): PanelField[] {
	if (!tracker) {
		return [];
	}
	const gpu = tracker.gpu_info as { name?: unknown; count?: unknown };
	return [
		...known('Python', tracker.python_version.split(' ')[0]),
		...known('PyTorch', tracker.pytorch_version),
		...known('Platform', tracker.platform),
		{ label: 'CUDA', value: tracker.cuda_available ? tracker.cuda_version || 'available (version unknown)' : 'not available' },
		...known('GPU', typeof gpu.name === 'string' ? `${gpu.name}${typeof gpu.count === 'number' && gpu.count > 1 ? ` ×${gpu.count}` : ''}` : undefined),
	];
}

/** Host, user, memory. */
export function systemFields(tracker: TrackerData | undefined): PanelField[] {
	if (!tracker) {
		return [];
	}
	return [
		...known('Host', tracker.hostname),
		...known('User', tracker.username),
		...known('Memory', tracker.memory_gb > 0 ? `${tracker.memory_gb.toFixed(1)} GiB` : undefined),
	];
}

/** Created, started, completed, updated, as local times. */
export function timestampFields(run: RunSummary, tracker: TrackerData | undefined): PanelField[] {
	return [
		...known('Created', formatTimestamp(run.createdAt)),
		...known('Started', formatTimestamp(run.startedAt)),
		...known('Completed', formatTimestamp(run.completedAt)),
		...known('Updated', tracker ? formatTimestamp(tracker.updated_at) : undefined),
	];
}
