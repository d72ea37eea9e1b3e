import type { CliCommand } from './command';
import { configHashCommand } from './commands/configHashCommand';
import { createCommand } from './commands/createCommand';
import { describeCommand, markCommand, tagCommand, untagCommand } from './commands/editCommands';
import { abortCommand, artifactCommand, completeCommand, failCommand, progressCommand, startCommand } from './commands/lifecycleCommands';
import { listCommand } from './commands/listCommand';
import { showCommand } from './commands/showCommand';
import { syncCommand } from './commands/syncCommand';
import { verifyCommand } from './commands/verifyCommand';

/** Every `exptrack` subcommand, in the order `exptrack --help` lists them. */
export const commands: readonly CliCommand[] = [
	listCommand, showCommand, createCommand,
	startCommand, progressCommand, artifactCommand, completeCommand, failCommand, abortCommand,
	describeCommand, tagCommand, untagCommand, markCommand,
	syncCommand, configHashCommand, verifyCommand,
];
