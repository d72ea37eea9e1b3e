import * as vscode from 'vscode';
import { fromWebviewSchema, type FromWebview, type PanelCommand } from '../../shared/protocol';
import { CommandId } from '../commandIds';
import { isSafeExternalLink, resolveInsideRun } from './resolveInsideRun';

/** What a message handler may touch: the panel's run and how to answer. */
export interface MessageContext {
	readonly runDir: string;
	readonly log: vscode.LogOutputChannel;
	sendData(): Promise<void>;
}

/** The outcome of one inbound message, for the log and for tests. */
export type MessageOutcome = { readonly handled: true } | { readonly handled: false; readonly reason: string };

const commandFor: Record<PanelCommand, CommandId> = {
	addTags: CommandId.AddTags,
	markCompleted: CommandId.MarkCompleted,
	markFailed: CommandId.MarkFailed,
	markAborted: CommandId.MarkAborted,
	compareConfigs: CommandId.CompareConfigs,
	exportMarkdown: CommandId.ExportMarkdown,
	revealInExplorer: CommandId.RevealInExplorer,
	openInTerminal: CommandId.OpenInTerminal,
	copyExperimentId: CommandId.CopyExperimentId,
	verifyReproducibility: CommandId.VerifyReproducibility,
	editDescription: CommandId.EditDescription,
};

type Handlers = { [K in FromWebview['type']]: (message: Extract<FromWebview, { type: K }>, context: MessageContext) => Promise<MessageOutcome> };

const done: MessageOutcome = { handled: true };

/** The allow-list: one handler per message type; nothing is looked up or executed by name. */
const handlers: Handlers = {
	ready: async (_message, context) => {
		await context.sendData();
		return done;
	},
	editDescription: async (message, context) => {
		await vscode.commands.executeCommand(CommandId.EditDescription, context.runDir, message.text);
		return done;
	},
	removeTag: async (message, context) => {
		await vscode.commands.executeCommand(CommandId.RemoveTags, context.runDir, [message.tag]);
		return done;
	},
	runCommand: async (message, context) => {
		await vscode.commands.executeCommand(commandFor[message.command], context.runDir);
		return done;
	},
	openFile: async (message, context) => {
		const file = resolveInsideRun(context.runDir, message.path);
		if (!file) {
			return { handled: false, reason: `refused to open ${JSON.stringify(message.path)}: not inside the run's folder` };
		}
		await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
		return done;
	},
	revealFile: async (message, context) => {
		const file = resolveInsideRun(context.runDir, message.path);
		if (!file) {
			return { handled: false, reason: `refused to reveal ${JSON.stringify(message.path)}: not inside the run's folder` };
		}
		await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
		return done;
	},
	openExternal: async (message) => {
		if (!isSafeExternalLink(message.url)) {
			return { handled: false, reason: `refused to open ${JSON.stringify(message.url.slice(0, 200))}: only http and https links open` };
		}
		await vscode.env.openExternal(vscode.Uri.parse(message.url));
		return done;
	},
};

/**
 * Validates a message from the webview against the protocol (zod) and runs its handler.
 * Anything malformed or refused is dropped and logged; it never throws.
 */
export async function handleWebviewMessage(raw: unknown, context: MessageContext): Promise<MessageOutcome> {
	const parsed = fromWebviewSchema.safeParse(raw);
	let outcome: MessageOutcome;
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		outcome = { handled: false, reason: `malformed message dropped (${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'})` };
	} else {
		const message = parsed.data;
		const handler = handlers[message.type] as (message: FromWebview, context: MessageContext) => Promise<MessageOutcome>;
		outcome = await handler(message, context).catch((error: unknown) => ({ handled: false, reason: error instanceof Error ? error.message : String(error) }));
	}
	if (!outcome.handled) {
		context.log.warn(`Detail panel of ${context.runDir}: ${outcome.reason}`);
	}
	return outcome;
}
