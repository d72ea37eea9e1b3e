import * as path from 'node:path';
import * as vscode from 'vscode';
import { validateRunName } from '../../core/tracker/createRun';
import { pickStep, textStep } from '../multiStepInput';
import type { TrackerService } from '../trackerService';

/** What the Create Experiment steps collect. */
export interface CreateRequest {
	readonly workspace: string;
	readonly name: string;
	readonly description: string;
	readonly tags: readonly string[];
	readonly configFile?: string;
}

interface ConfigItem extends vscode.QuickPickItem {
	readonly file?: string;
	readonly browse?: boolean;
}

const title = 'Create Experiment';

/**
 * The multi-step input of Create Experiment: name, description, tags, optional config
 * (none, a previous run's config.json, or a JSON file). Back returns to the previous step.
 */
export async function askCreateRequest(service: TrackerService, workspace: string): Promise<CreateRequest | undefined> {
	const existingTags = [...new Set(service.runs().flatMap((run) => run.tags))].sort();
	const configs: ConfigItem[] = service.runs()
		.filter((run) => run.configHash)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
		.slice(0, 8)
		.map((run) => ({ label: `$(history) Config of ${run.name}`, description: run.id, file: path.join(run.dir, 'config.json') }));
	const state = { name: '', description: '', tags: [] as string[] };
	for (let step = 1; step <= 4;) {
		const common = { title, step, totalSteps: 4 };
		if (step === 1) {
			const result = await textStep({ ...common, value: state.name, prompt: 'Run name (the folder becomes <YYYYmmdd-HHMMSS>-<name>)', placeholder: 'unet_baseline', validate: validateRunName });
			if (result === undefined || result === 'back') {
				return undefined;
			}
			state.name = result.value.trim();
		} else if (step === 2) {
			const result = await textStep({ ...common, value: state.description, prompt: 'Description (optional)' });
			if (result === undefined) {
				return undefined;
			}
			if (result === 'back') {
				step -= 1;
				continue;
			}
			state.description = result.value;
		} else if (step === 3) {
			const items = existingTags.map((label) => ({ label }));
			const result = await pickStep({
				...common, items, canPickMany: true, placeholder: 'Tags: pick existing ones or type new ones separated by commas',
				selected: items.filter((item) => state.tags.includes(item.label)),
				typed: (text) => text.split(',').map((tag) => tag.trim()).filter((tag) => tag && !existingTags.includes(tag)).map((label) => ({ label, description: 'new tag', alwaysShow: true })),
			});
			if (result === undefined) {
				return undefined;
			}
			if (result === 'back') {
				step -= 1;
				continue;
			}
			state.tags = result.value.map((item) => item.label);
		} else {
			const items: ConfigItem[] = [{ label: '$(circle-slash) No config', description: 'config_hash stays empty, as CrackSeg writes it' }, { label: '$(folder-opened) Choose a JSON Config File…', browse: true }, ...configs];
			const result = await pickStep({ ...common, items, placeholder: 'Optional config: hashed into config_hash and saved as config.json' });
			if (result === undefined) {
				return undefined;
			}
			if (result === 'back') {
				step -= 1;
				continue;
			}
			const chosen = result.value[0];
			let configFile = chosen?.file;
			if (chosen?.browse) {
				const files = await vscode.window.showOpenDialog({ title: 'Config for the new run', defaultUri: vscode.Uri.file(workspace), filters: { 'JSON config': ['json'] }, canSelectMany: false });
				if (!files?.[0]) {
					continue;
				}
				configFile = files[0].fsPath;
			}
			return { workspace, ...state, ...(configFile ? { configFile } : {}) };
		}
		step += 1;
	}
	return undefined;
}
