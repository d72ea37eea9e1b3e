import * as path from 'node:path';
import { createRun } from '../../core/tracker/createRun';
import { type CliCommand, listOption, stringOption } from '../command';
import { toJson } from '../output';

/** `exptrack create NAME`: a new run, laid out as ExperimentManager does. Prints its id. */
export const createCommand: CliCommand = {
	name: 'create',
	usage: 'NAME [--root DIR] [--description TEXT] [--tag TAG]... [--config FILE] [--json]',
	summary: 'Create a run folder with experiment_info.json, a registry entry and a complete tracker file; print its id.',
	positionals: 1,
	options: {
		description: { type: 'string' },
		tag: { type: 'string', multiple: true },
		config: { type: 'string' },
	},
	async run(context, args) {
		const root = context.roots[0]!;
		const configFile = stringOption(args, 'config');
		const created = await createRun({
			root: root.root,
			workspace: root.workspace,
			name: args.positionals[0]!,
			description: stringOption(args, 'description'),
			tags: listOption(args, 'tag'),
			configFile: configFile === undefined ? undefined : path.resolve(context.cwd, configFile),
		});
		for (const warning of created.warnings) {
			context.err(`warning: ${warning}`);
		}
		context.out(context.json ? toJson(created) : created.id);
	},
};
