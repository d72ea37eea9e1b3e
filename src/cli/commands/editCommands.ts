import { editRun } from '../../core/edits/editRun';
import type { EditOp, MarkStatus } from '../../core/edits/editOps';
import { pythonIsoNow } from '../../core/tracker/timestamps';
import { UsageError } from '../cliError';
import { type CliCommand, type CommandArgs, stringOption } from '../command';
import type { CliContext } from '../context';
import { describeReconcile, openRun } from '../runSession';

/** Journals a user edit of the run named by the first positional, then writes it when safe. */
async function edit(context: CliContext, args: CommandArgs, makeOp: (at: string) => EditOp): Promise<void> {
	const { run } = await openRun(context, args.positionals[0]!);
	const result = await editRun(run, makeOp(pythonIsoNow()), { by: 'exptrack', liveWindowMs: context.staleMinutes * 60_000 });
	const note = describeReconcile(result);
	if (note) {
		context.err(`note: ${note}`);
	}
}

export const describeCommand: CliCommand = {
	name: 'describe',
	usage: 'ID TEXT [--root DIR]...',
	summary: 'Set the run\'s description (update_description()).',
	positionals: 2,
	run: (context, args) => edit(context, args, (at) => ({ op: 'setDescription', at, text: args.positionals[1]! })),
};

export const tagCommand: CliCommand = {
	name: 'tag',
	usage: 'ID TAG... [--root DIR]...',
	summary: 'Add tags (add_tags()).',
	positionals: [2, Infinity],
	run: (context, args) => edit(context, args, (at) => ({ op: 'addTags', at, tags: args.positionals.slice(1) })),
};

export const untagCommand: CliCommand = {
	name: 'untag',
	usage: 'ID TAG... [--root DIR]...',
	summary: 'Remove tags (remove_tags()).',
	positionals: [2, Infinity],
	run: (context, args) => edit(context, args, (at) => ({ op: 'removeTags', at, tags: args.positionals.slice(1) })),
};

const markStatuses: readonly MarkStatus[] = ['completed', 'failed', 'aborted'];

export const markCommand: CliCommand = {
	name: 'mark',
	usage: 'ID completed|failed|aborted [--reason TEXT] [--root DIR]...',
	summary: 'Mark the run\'s outcome by hand (a crashed run stays "running" until someone does).',
	positionals: 2,
	options: { reason: { type: 'string' } },
	run(context, args) {
		const status = args.positionals[1] as MarkStatus;
		if (!markStatuses.includes(status)) {
			throw new UsageError(`mark takes completed, failed or aborted, not "${args.positionals[1]}"`);
		}
		const reason = stringOption(args, 'reason');
		return edit(context, args, (at) => ({ op: 'mark', at, status, ...(reason ? { reason } : {}) }));
	},
};
