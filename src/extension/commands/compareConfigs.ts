import { access } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunSummary } from '../../core/runs/runModel';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { runDirOf } from '../tree/treeNodes';

const hasConfig = (run: RunSummary) => access(path.join(run.dir, 'config.json')).then(() => true, () => false);

/** Asks for the run to compare `left` with, offering only the other runs that have a config.json. */
async function pickOther(deps: CommandDeps, left: RunSummary): Promise<RunSummary | undefined> {
	const others = await Promise.all(deps.service.runs().filter((run) => run.dir !== left.dir).map(async (run) => ((await hasConfig(run)) ? run.dir : undefined)));
	const withConfig = new Set(others);
	return resolveRun(deps.service, undefined, `Compare ${left.name}'s config with…`, (run) => withConfig.has(run.dir));
}

/**
 * Opens VS Code's diff editor on two runs' config.json (two selected in the tree, one
 * passed and one picked, or two picked). Equal config hashes are said up front.
 */
export function compareConfigs(deps: CommandDeps): (argument?: unknown, selection?: unknown) => Promise<boolean> {
	return async (argument, selection) => {
		const selected = Array.isArray(selection) ? selection.map(runDirOf).flatMap((dir) => (dir ? [deps.service.get(dir)] : [])).filter((run): run is RunSummary => run !== undefined) : [];
		const left = selected.length >= 2 ? selected[0] : await resolveRun(deps.service, argument, 'Compare the config of which run?');
		if (!left) {
			return false;
		}
		const right = selected.length >= 2 ? selected[1] : await pickOther(deps, left);
		if (!right) {
			return false;
		}
		for (const run of [left, right]) {
			if (!(await hasConfig(run))) {
				void vscode.window.showWarningMessage(`${run.name} has no config.json to compare.`);
				return false;
			}
		}
		if (left.configHash && left.configHash === right.configHash) {
			void vscode.window.showInformationMessage(`${left.name} and ${right.name} have the same config_hash (${left.configHash.slice(0, 12)}…): their configs are identical.`);
		}
		await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(path.join(left.dir, 'config.json')), vscode.Uri.file(path.join(right.dir, 'config.json')), `config.json: ${left.name} ↔ ${right.name}`);
		return true;
	};
}
