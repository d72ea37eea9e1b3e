import * as path from 'node:path';
import { pathInside } from '../fs/childPath';
import type { RunDetails } from '../runs/runDetails';
import type { PanelArtifact, PanelImage, PanelManagedArtifact } from '../../shared/panelData';

const imagePattern = /\.(png|jpe?g|gif|webp)$/i;

/** A path for the panel: relative to the run folder when inside it (the only paths it may ask to open). */
export function panelPath(runDir: string, file: string): { path: string; insideRun: boolean } {
	const relative = pathInside(runDir, file);
	return relative === undefined ? { path: file, insideRun: false } : { path: relative.split(path.sep).join('/'), insideRun: true };
}

/** The artifacts section: the run's files by kind (missing ones kept), ArtifactManager records, image thumbnails. */
export function listedArtifacts(details: RunDetails): { artifacts: PanelArtifact[]; managedArtifacts: PanelManagedArtifact[]; images: PanelImage[] } {
	const dir = details.summary.dir;
	const artifacts: PanelArtifact[] = details.files.map((file) => ({
		kind: file.kind, label: file.label, ...panelPath(dir, file.path), exists: file.exists, ...(file.stored ? { stored: file.stored } : {}),
	}));
	const managedArtifacts: PanelManagedArtifact[] = details.artifacts.managed.map((record) => ({
		type: record.type,
		label: path.basename(record.file.stored.replace(/\\/g, '/')),
		...panelPath(dir, record.file.path),
		exists: record.file.exists,
		description: record.description,
		checksumState: record.checksumState,
		versions: record.versions.map((version) => ({ id: version.versionId, createdAt: version.createdAt, current: version.current, checksumState: version.file.exists ? 'recorded' : 'missing' })),
	}));
	const candidates = [...details.files.filter((file) => file.kind === 'visualization'), ...details.artifacts.managed.map((record) => record.file)];
	const images = new Map<string, PanelImage>();
	for (const file of candidates) {
		const where = panelPath(dir, file.path);
		if (file.exists && imagePattern.test(file.path) && where.insideRun && !images.has(where.path)) {
			images.set(where.path, { label: path.basename(file.path), path: where.path });
		}
	}
	return { artifacts, managedArtifacts, images: [...images.values()] };
}
