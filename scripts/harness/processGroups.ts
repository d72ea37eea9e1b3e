import type { ChildProcess } from 'node:child_process';

/**
 * Process groups this process started (VS Code server, demo trainer). They are killed
 * whole when this process exits or is interrupted, so no server, extension host, file
 * watcher or agent host outlives a test run or a Ctrl-C of `npm start`.
 */
const groups = new Set<number>();
let hooked = false;

function killGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// Already gone.
	}
}

function hookExit(): void {
	if (hooked) {
		return;
	}
	hooked = true;
	process.on('exit', () => {
		for (const pgid of groups) {
			killGroup(pgid, 'SIGKILL');
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			for (const pgid of groups) {
				killGroup(pgid, 'SIGTERM');
			}
			// Exit code 128 + signal number, as shells report it; the exit hook sends SIGKILL to stragglers.
			process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const)[signal]);
		});
	}
}

/** Tracks a child started with `detached: true` (its pid is its process-group id). */
export function trackGroup(child: ChildProcess): void {
	if (child.pid === undefined) {
		return;
	}
	hookExit();
	groups.add(child.pid);
	child.once('exit', () => {
		// The leader exiting does not end its group: kill what it left behind.
		killGroup(child.pid!, 'SIGKILL');
		groups.delete(child.pid!);
	});
}

/** Stops a tracked group: SIGTERM, then SIGKILL after `graceMs`. Resolves when the leader is gone. */
export async function stopGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
	if (child.pid === undefined) {
		return;
	}
	const exited = child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise<void>((resolve) => child.once('exit', () => resolve()));
	killGroup(child.pid, 'SIGTERM');
	const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	killGroup(child.pid, 'SIGKILL');
	groups.delete(child.pid);
}
