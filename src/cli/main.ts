import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { cacheFolder } from './cacheFolder';
import { CliError, UsageError } from './cliError';
import type { CliCommand } from './command';
import { commands } from './commandTable';
import { rootsFrom, type CliContext } from './context';

const globalOptions = {
	root: { type: 'string', multiple: true },
	json: { type: 'boolean' },
	'stale-minutes': { type: 'string' },
	'no-cache': { type: 'boolean' },
	help: { type: 'boolean', short: 'h' },
} as const;

function usage(command?: CliCommand): string {
	if (command) {
		return `usage: exptrack ${command.name} ${command.usage}\n\n${command.summary}`;
	}
	const width = Math.max(...commands.map((entry) => entry.name.length));
	return [
		'usage: exptrack <command> [arguments] [--root DIR]... [--json] [--no-cache]',
		'',
		'Reads and edits CrackSeg experiment runs under ./artifacts and ./outputs (or each --root).',
		'ID is a run id, an unambiguous id prefix, or a run name.',
		'',
		...commands.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`),
		'',
		'Run "exptrack <command> --help" for a command\'s arguments. Exit status: 0 ok, 1 error, 2 bad usage.',
		'Run summaries are cached per user ($EXPTRACK_CACHE_DIR, else ~/.cache/exptrack); only runs whose files',
		'changed are read again. --no-cache reads every run and leaves no cache.',
	].join('\n');
}

function checkPositionals(command: CliCommand, count: number): void {
	const [min, max] = typeof command.positionals === 'number' ? [command.positionals, command.positionals] : command.positionals;
	if (count < min || count > max) {
		throw new UsageError(count < min ? 'missing arguments' : 'too many arguments');
	}
}

/** Runs `exptrack` with `argv` (without node and script); returns the exit status. */
export async function main(argv: readonly string[], io: { out(text: string): void; err(text: string): void; cwd: string; env?: NodeJS.ProcessEnv }): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
		io.out(usage());
		return name === undefined ? 2 : 0;
	}
	if (name === '--version' || name === '-v') {
		io.out(version);
		return 0;
	}
	const command = commands.find((entry) => entry.name === name);
	if (!command) {
		io.err(`exptrack: unknown command "${name}"\n\n${usage()}`);
		return 2;
	}
	try {
		const parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: { ...globalOptions, ...command.options } });
		if (parsed.values.help) {
			io.out(usage(command));
			return 0;
		}
		checkPositionals(command, parsed.positionals.length);
		const staleText = parsed.values['stale-minutes'];
		const staleMinutes = staleText === undefined ? 10 : Number(staleText);
		if (!(staleMinutes > 0)) {
			throw new UsageError('--stale-minutes must be a positive number');
		}
		const context: CliContext = {
			roots: rootsFrom(parsed.values.root, io.cwd),
			cwd: io.cwd,
			staleMinutes,
			cacheFolder: parsed.values['no-cache'] ? undefined : cacheFolder(io.env ?? process.env),
			json: parsed.values.json === true,
			out: io.out,
			err: io.err,
		};
		await command.run(context, { values: parsed.values, positionals: parsed.positionals });
		return 0;
	} catch (error) {
		if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
			io.err(`exptrack ${name}: ${error.message}\n${usage(command).split('\n')[0]}`);
			return 2;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.err(`exptrack ${name}: ${error instanceof CliError ? message : message.split('\n')[0]}`);
		return 1;
	}
}

if (require.main === module) {
	main(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text), cwd: process.cwd() }).then((code) => {
		process.exitCode = code;
	}, (error: unknown) => {
		console.error(`exptrack: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	});
}
