import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { log } from './log';
import { repoRoot } from './paths';
import { stopGroup, trackGroup } from './processGroups';
import type { Tools } from './tools';

export interface ServerOptions {
	/** Serve the URL test payload (extensionDevelopmentPath/extensionTestsPath). It also hides notification toasts. */
	readonly smokeTestDriver?: boolean;
	/** Open folders trusted without asking (false: VS Code's Restricted Mode applies). */
	readonly trustAll?: boolean;
	/** Link this extension folder into the server's extensions folder, as an installed extension. */
	readonly installExtension?: string;
	/** Install this .vsix with the server's own `--install-extension` before starting (a user's install). */
	readonly installVsix?: string;
	readonly port?: number;
	/** Extra environment for the server, its extension host included. */
	readonly env?: NodeJS.ProcessEnv;
	/** Extra user settings. */
	readonly settings?: Record<string, unknown>;
	/** Where the server's user data and extensions live; a new temp folder when omitted. */
	readonly stateDir?: string;
}

export interface RunningServer {
	readonly baseUrl: string;
	readonly authority: string;
	readonly stateDir: string;
	readonly extensionsDir: string;
	readonly logFile: string;
	/** Workbench URL that opens `folder`, optionally with a smoke-test payload. */
	folderUrl(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
	/** A server-side path as the remote URI the web workbench expects in a payload. */
	remoteUri(file: string): string;
	stop(): Promise<void>;
}

const baseSettings = {
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'chat.disableAIFeatures': true,
	'telemetry.telemetryLevel': 'off',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'update.mode': 'none',
	'security.workspace.trust.startupPrompt': 'never',
	'security.workspace.trust.banner': 'never',
	'git.openRepositoryInParentFolders': 'never',
};

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitUntilListening(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			const text = await readFile(logFile, 'utf8').catch(() => '');
			throw new Error(`the VS Code server exited before listening (code ${child.exitCode ?? child.signalCode}):\n${text.split('\n').slice(-20).join('\n')}`);
		}
		const ok = await fetch(url).then((response) => response.ok, () => false);
		if (ok) {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	throw new Error(`the VS Code server did not answer ${url} within ${timeoutMs / 1000} s (log: ${logFile})`);
}

/** The folder name VS Code expects for an installed extension: `<publisher>.<name>-<version>`. */
async function extensionFolderName(extensionDir: string): Promise<string> {
	const manifest = JSON.parse(await readFile(path.join(extensionDir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
	return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/** `server-main.js --install-extension X.vsix`: installs, prints the result and exits. */
async function installVsix(tools: Tools, vsix: string, userDataDir: string, extensionsDir: string): Promise<void> {
	const output = await new Promise<string>((resolve, reject) => {
		const child = spawn(tools.node24, [tools.serverMain, '--install-extension', vsix, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], {
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, PATH: `${path.dirname(tools.node24)}:${process.env.PATH ?? ''}` },
		});
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			return code === 0 ? resolve(text) : reject(new Error(`installing ${vsix} failed (exit ${code}):\n${text}`));
		});
	});
	log(`installed ${path.basename(vsix)}: ${output.trim().split('\n').pop() ?? ''}`);
}

/**
 * Starts the VS Code server (bundled by code-server) under Node 24 on a free loopback port,
 * in its own process group, and resolves once it answers HTTP.
 */
export async function startServer(tools: Tools, options: ServerOptions = {}): Promise<RunningServer> {
	const stateDir = options.stateDir ?? await mkdtemp(path.join(os.tmpdir(), 'exptrack-vscode-'));
	const userDataDir = path.join(stateDir, 'user-data');
	const extensionsDir = path.join(stateDir, 'extensions');
	await mkdir(path.join(userDataDir, 'User'), { recursive: true });
	await mkdir(extensionsDir, { recursive: true });
	await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...baseSettings, ...options.settings }, null, '\t'));
	if (options.installExtension) {
		const link = path.join(extensionsDir, await extensionFolderName(options.installExtension));
		await rm(link, { force: true, recursive: true });
		await symlink(options.installExtension, link, 'dir');
	}
	if (options.installVsix) {
		await installVsix(tools, options.installVsix, userDataDir, extensionsDir);
	}
	const port = options.port ?? await freePort();
	const logFile = path.join(stateDir, 'server.log');
	const args = [
		tools.serverMain,
		'--host', '127.0.0.1', '--port', String(port),
		'--without-connection-token', '--accept-server-license-terms',
		'--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
		'--telemetry-level', 'off',
		...(options.smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
		...(options.trustAll === false ? [] : ['--disable-workspace-trust']),
	];
	const output = createWriteStream(logFile);
	const child = spawn(tools.node24, args, {
		cwd: repoRoot,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, PATH: `${path.dirname(tools.node24)}:${process.env.PATH ?? ''}`, ...options.env },
	});
	trackGroup(child);
	child.stdout.pipe(output);
	child.stderr.pipe(output);
	const baseUrl = `http://127.0.0.1:${port}`;
	const authority = `127.0.0.1:${port}`;
	const remoteUri = (file: string) => `vscode-remote://${authority}${file}`;
	const stop = async () => {
		await stopGroup(child);
		output.end();
	};
	try {
		await waitUntilListening(`${baseUrl}/version`, child, logFile, 30_000);
	} catch (error) {
		await stop();
		throw error;
	}
	log(`VS Code server listening on ${baseUrl} (pid ${child.pid}, log ${logFile})`);
	return {
		baseUrl,
		authority,
		stateDir,
		extensionsDir,
		logFile,
		remoteUri,
		folderUrl(folder, payload) {
			const query = `folder=${encodeURIComponent(folder)}`;
			return payload ? `${baseUrl}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}` : `${baseUrl}/?${query}`;
		},
		stop,
	};
}
