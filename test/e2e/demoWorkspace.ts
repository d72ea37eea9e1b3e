import type { ChildProcess } from 'node:child_process';
import { createDemoWorkspace, type DemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { startTrainer } from '../../src/core/demo/startTrainer';

/** The demo workspace npm start opens, with its live run trained by a real child process. */
export interface LiveDemo {
	readonly demo: DemoWorkspace;
	readonly trainer: ChildProcess;
	stop(): void;
}

/** Fills `workspace` with the demo runs and starts the trainer on the running one. */
export async function startLiveDemo(workspace: string, options: { epochs?: number; intervalMs?: number } = {}): Promise<LiveDemo> {
	const demo = await createDemoWorkspace(workspace);
	const trainer = startTrainer(demo.liveRunDir, { epochs: options.epochs ?? 200, intervalMs: options.intervalMs ?? 1000 });
	return { demo, trainer, stop: () => trainer.kill('SIGTERM') };
}
