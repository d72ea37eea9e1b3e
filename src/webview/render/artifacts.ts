import type { PanelArtifact, PanelData } from '../../shared/panelData';
import { button, el, icon, section } from '../dom';
import { post } from '../state';

const kindTitles: Record<PanelArtifact['kind'], string> = { checkpoint: 'Checkpoints', metrics: 'Metric files', visualization: 'Visualizations', config: 'Config' };

function fileRow(label: string, file: { path: string; insideRun: boolean; exists: boolean; stored?: string }, note?: HTMLElement): HTMLElement {
	const row = el('li', { class: file.exists ? 'artifact' : 'artifact missing' },
		el('span', { class: 'artifact-name', title: file.stored ?? file.path }, label));
	if (!file.exists) {
		row.appendChild(el('span', { class: 'badge status-failed', title: `Recorded as ${file.stored ?? file.path}` }, icon('warning'), 'missing'));
	} else if (file.insideRun) {
		row.appendChild(button('Open', { icon: 'go-to-file', key: `open:${file.path}`, title: `Open ${label}`, onClick: () => post({ type: 'openFile', path: file.path }) }));
		row.appendChild(button('Reveal', { icon: 'folder-opened', key: `reveal:${file.path}`, title: `Reveal ${label} in the Explorer`, onClick: () => post({ type: 'revealFile', path: file.path }) }));
	}
	if (note) {
		row.appendChild(note);
	}
	return row;
}

const checksumBadges: Record<string, [string, string, string]> = {
	verified: ['status-completed', 'pass', 'checksum verified'],
	changed: ['status-failed', 'warning', 'changed since recorded'],
	missing: ['status-failed', 'warning', 'missing'],
	notChecked: ['inferred', 'question', 'large file: checksum not checked'],
};

/** Artifacts by kind (open, reveal, missing marker), ArtifactManager records with versions, image thumbnails. */
export function renderArtifacts(data: PanelData): HTMLElement | undefined {
	const blocks: HTMLElement[] = [];
	for (const kind of ['checkpoint', 'metrics', 'visualization', 'config'] as const) {
		const files = data.artifacts.filter((artifact) => artifact.kind === kind);
		if (files.length > 0) {
			blocks.push(el('h3', {}, kindTitles[kind]), el('ul', { class: 'artifact-list' }, ...files.map((file) => fileRow(file.label, file))));
		}
	}
	if (data.managedArtifacts.length > 0) {
		const rows = data.managedArtifacts.map((artifact) => {
			const [cls, codicon, text] = checksumBadges[artifact.checksumState] ?? checksumBadges.notChecked!;
			const versions = artifact.versions.length > 0 ? el('span', { class: 'artifact-versions' }, `${artifact.versions.length} version${artifact.versions.length > 1 ? 's' : ''}; current ${artifact.versions.find((version) => version.current)?.id ?? '—'}`) : undefined;
			return fileRow(`${artifact.type}: ${artifact.label}`, artifact, el('span', {}, el('span', { class: `badge ${cls}` }, icon(codicon), text), versions));
		});
		blocks.push(el('h3', {}, 'ArtifactManager'), el('ul', { class: 'artifact-list' }, ...rows));
	}
	if (data.images.length > 0) {
		const gallery = el('div', { class: 'gallery' });
		for (const image of data.images.filter((entry) => entry.src)) {
			const figure = el('button', { type: 'button', class: 'thumbnail', title: `Open ${image.label}`, 'aria-label': `Open image ${image.label}`, 'data-key': `image:${image.path}` },
				el('img', { src: image.src, alt: image.label, loading: 'lazy' }), el('span', {}, image.label));
			figure.addEventListener('click', () => post({ type: 'openFile', path: image.path }));
			gallery.appendChild(figure);
		}
		blocks.push(el('h3', {}, 'Images'), gallery);
	}
	return blocks.length > 0 ? section('artifacts', 'Artifacts', ...blocks) : undefined;
}
