import { readRunDetails } from '../../core/runs/runDetails';
import { verifyRun } from '../../core/runs/verifyRun';
import { CliError } from '../cliError';
import type { CliCommand } from '../command';
import { toJson } from '../output';
import { openRun } from '../runSession';

/** `exptrack verify ID`: the reproducibility report; exit 1 when a check fails. */
export const verifyCommand: CliCommand = {
	name: 'verify',
	usage: 'ID [--root DIR]... [--json]',
	summary: 'Check config hash vs config.json, git cleanliness and artifact files; exit 1 if a check fails.',
	positionals: 1,
	async run(context, args) {
		const { run } = await openRun(context, args.positionals[0]!);
		const checks = await verifyRun(await readRunDetails(run));
		if (context.json) {
			context.out(toJson({ id: run.id, ok: checks.every((check) => check.ok), checks }));
		} else {
			context.out([`${run.id}`, ...checks.map((check) => `  ${check.ok ? (check.checked ? '✓' : '–') : '✗'} ${check.name.padEnd(10)} ${check.detail}`)].join('\n'));
		}
		const failed = checks.filter((check) => !check.ok);
		if (failed.length > 0) {
			throw new CliError(`${run.id} is not reproducible as recorded: ${failed.map((check) => check.name).join(', ')} failed`);
		}
	},
};
