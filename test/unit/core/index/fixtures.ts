import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { dumpPythonJson } from '../../../../src/core/json/pythonJson';
import { newTrackerDocument } from '../../../../src/core/tracker/newTracker';
import { fromPlain } from '../../../../src/core/json/plain';

/** Writes a tracker file as Python would (32 keys), with `status` and optional epochs. */
export async function writeTracker(dir: string, id: string, fields: { status?: string; current?: number; total?: number; tags?: string[] } = {}): Promise<void> {
	await mkdir(dir, { recursive: true });
	const doc = newTrackerDocument({ id, name: id.replace(/^\d{8}-\d{6}-/, ''), now: '2026-12-01T10:00:00.000000', status: fields.status, tags: fields.tags });
	if (fields.total !== undefined) {
		doc.set('total_epochs', fromPlain(fields.total));
		doc.set('current_epoch', fromPlain(fields.current ?? 0));
	}
	await writeFile(path.join(dir, 'experiment_tracker.json'), doc.serialize());
}

/** Writes experiment_info.json as ExperimentManager does. */
export async function writeInfo(dir: string, id: string, status = 'created'): Promise<void> {
	await mkdir(dir, { recursive: true });
	const name = id.replace(/^\d{8}-\d{6}-/, '');
	await writeFile(path.join(dir, 'experiment_info.json'), dumpPythonJson(fromPlain({ id, name, timestamp: id.slice(0, 15), created_at: '2026-12-01T10:00:00.000000', status })));
}

/** Appends per-epoch validation lines as MetricsManager does. */
export async function writeEpochs(dir: string, epochs: number, options: { complete?: boolean; start?: number } = {}): Promise<void> {
	await mkdir(path.join(dir, 'metrics'), { recursive: true });
	const lines = [];
	for (let epoch = options.start ?? 1; epoch <= epochs; epoch += 1) {
		lines.push(`${JSON.stringify({ timestamp: `2026-12-01T10:${String(epoch).padStart(2, '0')}:00.000000`, epoch, step: 0, phase: 'val', metrics: { val_loss: 1 / epoch, val_iou: epoch / 20 } })}\n`);
	}
	await writeFile(path.join(dir, 'metrics', 'validation_metrics.jsonl'), lines.join(''), { flag: 'a' });
	if (options.complete) {
		await writeFile(path.join(dir, 'metrics', 'complete_summary.json'), JSON.stringify({ experiment_info: { directory: dir, start_time: '2026-12-01T10:00:00', total_epochs: epochs }, best_metrics: {}, epoch_summaries: [], available_metrics: {} }, null, 2));
	}
}
