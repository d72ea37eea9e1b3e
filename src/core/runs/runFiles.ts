import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { decodeTracker } from '../format/decodeTracker';
import { readJsonFile } from '../fs/readJsonFile';
import { trackerFileName } from '../edits/reconcile';
import { resolveArtifactPath } from './artifactPaths';
import type { RunSummary } from './runModel';

export type RunFileKind = 'checkpoint' | 'metrics' | 'visualization' | 'config';

/** A file of a run, as the tree lists it. */
export interface RunFile {
	readonly kind: RunFileKind;
	/** File name (or the stored path's last part). */
	readonly label: string;
	readonly path: string;
	readonly exists: boolean;
	/** The path as the tracker recorded it, when it did. */
	readonly stored?: string;
}

const folderKinds: ReadonlyArray<{ folder: string; kind: RunFileKind; pattern: RegExp }> = [
	{ folder: 'checkpoints', kind: 'checkpoint', pattern: /\.(pth|pt|ckpt|tar|safetensors|bin)$/i },
	{ folder: 'models', kind: 'checkpoint', pattern: /\.(pth|pt|ckpt|tar|safetensors|bin)$/i },
	{ folder: 'metrics', kind: 'metrics', pattern: /\.(jsonl?|csv|ya?ml)$/i },
	{ folder: 'results/visualizations', kind: 'visualization', pattern: /\.(png|jpe?g|gif|svg|webp)$/i },
	{ folder: 'visualizations', kind: 'visualization', pattern: /\.(png|jpe?g|gif|svg|webp)$/i },
];

const trackerLists: ReadonlyArray<{ key: 'checkpoint_paths' | 'metric_files' | 'visualization_files'; kind: RunFileKind }> = [
	{ key: 'checkpoint_paths', kind: 'checkpoint' },
	{ key: 'metric_files', kind: 'metrics' },
	{ key: 'visualization_files', kind: 'visualization' },
];

/**
 * The files a run's tree node shows: what the tracker recorded (resolved; missing ones kept
 * and marked) plus what is actually in its checkpoints, metrics and visualization folders,
 * and config.json. Each file once; read on expand, never at index time.
 */
export async function listRunFiles(run: RunSummary): Promise<RunFile[]> {
	const files = new Map<string, RunFile>();
	const read = run.hasTrackerFile ? await readJsonFile(path.join(run.dir, trackerFileName)) : undefined;
	if (read?.state === 'ok') {
		const { data } = decodeTracker(read.value, path.join(run.dir, trackerFileName));
		for (const { key, kind } of trackerLists) {
			for (const stored of data[key]) {
				const resolved = await resolveArtifactPath(stored, { workspace: run.workspace, root: run.root, runDir: run.dir });
				files.set(resolved.path, { kind, label: path.basename(stored.replace(/\\/g, '/')), path: resolved.path, exists: resolved.exists, stored });
			}
		}
	}
	for (const { folder, kind, pattern } of folderKinds) {
		const dir = path.join(run.dir, folder);
		const names = await readdir(dir).catch(() => [] as string[]);
		for (const name of names.filter((entry) => pattern.test(entry)).sort()) {
			const file = path.join(dir, name);
			if (!files.has(file)) {
				files.set(file, { kind, label: name, path: file, exists: true });
			}
		}
	}
	const config = path.join(run.dir, 'config.json');
	if (await stat(config).then((info) => info.isFile(), () => false)) {
		files.set(config, { kind: 'config', label: 'config.json', path: config, exists: true });
	}
	const order: RunFileKind[] = ['config', 'checkpoint', 'metrics', 'visualization'];
	return [...files.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.label.localeCompare(b.label));
}
