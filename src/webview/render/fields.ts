import type { PanelData } from '../../shared/panelData';
import { button, el, fieldList, icon, section } from '../dom';
import { post } from '../state';

const verificationText: Record<PanelData['config']['verification'], [string, string, string]> = {
	match: ['verified', 'pass', 'config.json matches the recorded hash'],
	mismatch: ['mismatch', 'warning', 'config.json changed after the run'],
	unverifiable: ['unverified', 'question', 'cannot be checked'],
	none: ['none', 'circle-slash', 'no config recorded'],
};

/** Config summary, hash with its verification badge, open config.json, compare with another run. */
export function renderConfig(data: PanelData): HTMLElement | undefined {
	const { config } = data;
	if (!config.file && !config.hash && config.summary.length === 0) {
		return undefined;
	}
	const [label, codicon, meaning] = verificationText[config.verification];
	const hashLine = el('p', { class: 'hash' },
		el('span', { class: 'field-label' }, 'config_hash '),
		el('code', {}, config.hash ? `${config.hash.slice(0, 16)}…` : '—'), ' ',
		el('span', { class: `badge verify-${config.verification}`, title: config.verificationDetail ?? meaning }, icon(codicon), `${label}: ${config.verificationDetail ?? meaning}`));
	const buttons = el('div', { class: 'actions' },
		config.file ? button('Open config.json', { icon: 'go-to-file', key: 'open-config', onClick: () => post({ type: 'openFile', path: config.file! }) }) : undefined,
		button('Compare with…', { icon: 'diff', key: 'compare-config', onClick: () => post({ type: 'runCommand', command: 'compareConfigs' }) }));
	return section('config', 'Config', config.summary.length > 0 ? fieldList(config.summary) : undefined, hashLine, buttons);
}

/** Environment, git (with the dirty badge), system and timestamps, side by side. */
export function renderFacts(data: PanelData): HTMLElement | undefined {
	const groups: HTMLElement[] = [];
	if (data.environment.length > 0) {
		groups.push(el('div', { class: 'fact-group' }, el('h3', {}, 'Environment'), fieldList(data.environment)));
	}
	if (data.git.commit) {
		const dirty = data.git.dirty
			? el('span', { class: 'badge status-stale' }, icon('warning'), 'uncommitted changes')
			: el('span', { class: 'badge status-completed' }, icon('pass'), 'clean');
		groups.push(el('div', { class: 'fact-group' }, el('h3', {}, 'Git'), fieldList([{ label: 'Commit', value: data.git.commit.slice(0, 12) }, { label: 'Branch', value: data.git.branch || 'detached' }]), dirty));
	}
	if (data.system.length > 0) {
		groups.push(el('div', { class: 'fact-group' }, el('h3', {}, 'System'), fieldList(data.system)));
	}
	if (data.timestamps.length > 0) {
		groups.push(el('div', { class: 'fact-group' }, el('h3', {}, 'Timestamps'), fieldList(data.timestamps)));
	}
	return groups.length > 0 ? section('facts', 'Environment', el('div', { class: 'fact-grid' }, ...groups)) : undefined;
}
