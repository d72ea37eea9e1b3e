import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, getApi } from '../api';

interface MenuEntry {
	readonly command: string;
	readonly when?: string;
}

interface Manifest {
	readonly contributes: { readonly menus: Record<string, readonly MenuEntry[]> };
}

/** The commands that write run files or start git or Python: none may be offered in Restricted Mode. */
const writingCommands = [
	'addTags', 'removeTags', 'editDescription', 'markCompleted', 'markFailed', 'markAborted', 'createExperiment', 'verifyReproducibility',
].map((name) => `experimentTracker.${name}`);

describe('writing commands in menus and the Command Palette', () => {
	let menus: Manifest['contributes']['menus'];

	before(async () => {
		await getApi();
		menus = (vscode.extensions.getExtension(extensionId)!.packageJSON as Manifest).contributes.menus;
	});

	it('hides each writing command from the Command Palette unless the workspace is trusted', () => {
		for (const command of writingCommands) {
			const entries = (menus.commandPalette ?? []).filter((entry) => entry.command === command);
			assert.equal(entries.length, 1, `${command} has one Command Palette entry`);
			assert.match(entries[0]!.when ?? '', /(^|&&\s*)isWorkspaceTrusted(\s*&&|$)/, `${command} is shown only in a trusted workspace`);
		}
	});

	it('offers a writing command in a view or item menu only when the workspace is trusted', () => {
		const offered = Object.entries(menus)
			.filter(([menu]) => menu !== 'commandPalette')
			.flatMap(([menu, entries]) => entries.filter((entry) => writingCommands.includes(entry.command)).map((entry) => ({ menu, ...entry })));
		assert.ok(offered.length > 0, 'the writing commands appear in some menu');
		for (const entry of offered) {
			assert.match(entry.when ?? '', /(^|&&\s*)isWorkspaceTrusted(\s*&&|$)/, `${entry.command} in ${entry.menu}`);
		}
	});
});
