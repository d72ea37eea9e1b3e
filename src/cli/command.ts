import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** The parsed arguments a subcommand receives. */
export interface CommandArgs {
	readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
	readonly positionals: readonly string[];
}

/** One `exptrack` subcommand. */
export interface CliCommand {
	readonly name: string;
	/** Arguments after the name, e.g. `ID --epoch N --total N`. */
	readonly usage: string;
	readonly summary: string;
	readonly options?: OptionSpecs;
	/** Expected positional count: exact, or [min, max] (max Infinity for "any"). */
	readonly positionals: number | readonly [number, number];
	run(context: CliContext, args: CommandArgs): Promise<void>;
}

/** Reads a string option that may be absent. */
export function stringOption(args: CommandArgs, name: string): string | undefined {
	const value = args.values[name];
	return typeof value === 'string' ? value : undefined;
}

/** Reads a repeatable string option. */
export function listOption(args: CommandArgs, name: string): string[] {
	const value = args.values[name];
	return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
