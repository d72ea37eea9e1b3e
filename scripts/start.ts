import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { keepTraining } from '../src/core/demo/liveTraining';
import { createDemoWorkspace } from './demo';
import { log } from './harness/log';
import { repoRoot } from './harness/paths';
import { trackGroup } from './harness/processGroups';
import { startServer } from './harness/server';
import { ensureTools } from './harness/tools';

const usage = 'usage: npm start [-- WORKSPACE] [--port N] [--no-browser]';

interface StartOptions {
	readonly workspace?: string;
	readonly port?: number;
	readonly browser: boolean;
}

function parse(argv: string[]): StartOptions {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { port: { type: 'string' }, 'no-browser': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
	});
	if (values.help || positionals.length > 1) {
		console.log(usage);
		process.exit(values.help ? 0 : 2);
	}
	const port = values.port === undefined ? undefined : Number(values.port);
	if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
		console.error(`--port must be a TCP port number, not "${values.port}"\n${usage}`);
		process.exit(2);
	}
	return { workspace: positionals[0] && path.resolve(positionals[0]), port, browser: !values['no-browser'] };
}

function onPath(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Opens `url` in the desktop's browser when there is a desktop; otherwise only prints it. */
function openBrowser(url: string): void {
	const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
	const hasDesktop = process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
	if (hasDesktop && onPath(opener)) {
		spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
	} else {
		log('no desktop browser here: open the URL above in a browser (forward the port when working over SSH)');
	}
}

/** Desktop VS Code: an Extension Development Host window on the workspace; returns when it closes. */
function openDesktop(workspace: string): Promise<number> {
	log('opening desktop VS Code with the extension under development');
	const child = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit' });
	return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

/**
 * `npm start`: opens VS Code with the extension on WORKSPACE, or on a demo workspace with
 * realistic runs. Desktop `code` when it is on PATH; otherwise the VS Code server from
 * code-server, with the extension linked into its extensions folder as an install would be.
 */
async function main(): Promise<number> {
	const options = parse(process.argv.slice(2));
	let workspace = options.workspace;
	if (!workspace) {
		workspace = path.join(repoRoot, '.demo', 'workspace');
		// At one epoch per second the live run moves for five minutes; then a fresh run takes over.
		const liveDemoEpochs = 300;
		const demo = await createDemoWorkspace(workspace, { liveTotalEpochs: liveDemoEpochs });
		log(`demo workspace ready in ${workspace}`);
		keepTraining(demo, demo.liveRunDir, {
			freshRunEpochs: liveDemoEpochs,
			onTrainer: (child, runDir) => {
				trackGroup(child);
				log(`training live: ${path.basename(runDir)} advances one epoch per second (${liveDemoEpochs} epochs; a fresh run starts when it completes)`);
			},
			onError: (error) => log(`the live demo run could not be restarted: ${error instanceof Error ? error.message : String(error)}`),
		});
	}
	if (onPath('code') && options.port === undefined && options.browser) {
		return openDesktop(workspace);
	}
	const tools = await ensureTools({ browser: false });
	const server = await startServer(tools, {
		port: options.port,
		installExtension: repoRoot,
		stateDir: path.join(repoRoot, '.demo', 'vscode'),
	});
	const url = server.folderUrl(workspace);
	console.log(`\n${url}\n`);
	if (options.browser) {
		openBrowser(url);
	}
	log('VS Code is running with Experiment Tracker; press Ctrl-C to stop it');
	await new Promise(() => undefined);
	return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
	console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
