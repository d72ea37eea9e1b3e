import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAtomicWriteTemp, removeStaleAtomicTemps } from '../../../../src/core/fs/atomicWrite';

const childScript = path.join(__dirname, 'atomicWriteCrashChild.js');
const killCount = 220;

interface ChildRun {
	readonly lastStarted: number | undefined;
	readonly lastDone: number | undefined;
	readonly started: number;
}

/** Spawns the writer, waits until it reports its first write, lets it run `delayMs` more, then SIGKILLs it. */
function runAndKill(target: string, firstVersion: number, delayMs: number): Promise<ChildRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [childScript, target, String(firstVersion)], { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		let stderr = '';
		let killScheduled = false;
		const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
			if (!killScheduled && output.includes('start ')) {
				killScheduled = true;
				setTimeout(() => child.kill('SIGKILL'), delayMs);
			}
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', (_code, signal) => {
			clearTimeout(watchdog);
			if (signal !== 'SIGKILL' || !killScheduled) {
				reject(new Error(`writer ended by ${String(signal)} before being killed: ${stderr}`));
				return;
			}
			const lines = output.split('\n').filter((line) => /^(start|done) \d+$/.test(line));
			const versionsOf = (kind: string) => lines.filter((line) => line.startsWith(kind)).map((line) => Number(line.split(' ')[1]));
			const started = versionsOf('start');
			resolve({ lastStarted: started.at(-1), lastDone: versionsOf('done').at(-1), started: started.length });
		});
	});
}

async function exists(file: string): Promise<boolean> {
	return access(file).then(() => true, () => false);
}

/** The version in the file, after checking that it is one complete, self-consistent document. */
async function completeVersionIn(target: string): Promise<number> {
	const text = await readFile(target, 'utf8');
	assert.ok(text.length > 0, 'the file is empty');
	const document = JSON.parse(text) as { version: number; sha256: string; payload: string[] };
	assert.equal(createHash('sha256').update(JSON.stringify(document.payload)).digest('hex'), document.sha256, `version ${document.version} is torn`);
	return document.version;
}

describe('writeFileAtomic under SIGKILL', function () {
	this.timeout(120_000);

	it('leaves exactly one complete version after every kill, and only recognisable temp files', async () => {
		const directory = await mkdtemp(path.join(os.tmpdir(), 'atomic-crash-'));
		const target = path.join(directory, 'experiment_tracker.json');
		try {
			let fileVersion: number | undefined;
			let nextVersion = 0;
			let midWrite = 0;
			let writesStarted = 0;
			for (let kill = 0; kill < killCount; kill++) {
				const run = await runAndKill(target, nextVersion, Math.floor(Math.random() * 40));
				assert.ok(run.lastStarted !== undefined);
				writesStarted += run.started;
				const inFlight = run.lastDone !== run.lastStarted;
				midWrite += inFlight ? 1 : 0;
				nextVersion = run.lastStarted + 1;
				const settled = run.lastDone ?? fileVersion;
				if (settled === undefined && !(await exists(target))) {
					// Killed before the very first rename: no file yet is the correct outcome.
					continue;
				}
				const allowed = [settled, inFlight ? run.lastStarted : undefined].filter((version) => version !== undefined);
				fileVersion = await completeVersionIn(target);
				assert.ok(allowed.includes(fileVersion), `after kill ${kill} the file holds version ${fileVersion}, expected one of ${allowed.join(', ')}`);
			}
			const leftovers = (await readdir(directory)).filter((name) => name !== 'experiment_tracker.json');
			assert.deepEqual(leftovers.filter((name) => !isAtomicWriteTemp(name)), []);
			console.log(`      ${killCount} kills, ${midWrite} landed mid-write, ${writesStarted} writes started, ${leftovers.length} temp files left behind`);
			assert.ok(midWrite > 0, 'no kill landed inside a write, so the test proved nothing');

			const removed = await removeStaleAtomicTemps(directory, 0);
			assert.equal(removed.length, leftovers.length);
			assert.deepEqual(await readdir(directory), ['experiment_tracker.json']);
			assert.equal(await completeVersionIn(target), fileVersion);
		} finally {
			await rm(directory, { recursive: true, force: true });
		}
	});
});
