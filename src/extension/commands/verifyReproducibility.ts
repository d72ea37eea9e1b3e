import * as vscode from 'vscode';
import { readRunDetails } from '../../core/runs/runDetails';
import { verifyRun, type VerifyCheck } from '../../core/runs/verifyRun';
import { verifyReportMarkdown } from '../../core/view/verifyReport';
import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';
import { requireTrust } from '../trust';

/** Config hash vs config.json, git state, artifact files and checksums → a readable report. */
export function verifyReproducibility(deps: CommandDeps): (argument?: unknown) => Promise<VerifyCheck[] | undefined> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Verify which run?');
		// Reading the repository's state starts git.
		if (!run || !(await requireTrust('Verify Reproducibility'))) {
			return undefined;
		}
		const checks = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Verifying ${run.name}` }, async () => verifyRun(await readRunDetails(run)));
		const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: verifyReportMarkdown(run, checks) });
		await vscode.window.showTextDocument(document, { preview: false });
		const failed = checks.filter((check) => !check.ok);
		if (failed.length > 0) {
			void vscode.window.showWarningMessage(`${run.name} is not reproducible as recorded: ${failed.map((check) => check.name).join(', ')}.`);
		}
		return checks;
	};
}
