import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';

/** Creates the demo workspace's run folders (the tracker core fills them with realistic runs). */
export async function createDemoWorkspace(workspace: string): Promise<void> {
	await mkdir(path.join(workspace, 'artifacts', 'experiments'), { recursive: true });
}

// `node out/scripts/demo.js [FOLDER]` (the F5 task) prepares the demo workspace without starting VS Code.
if (require.main === module) {
	const folder = process.argv[2] ?? path.resolve(__dirname, '../../.demo/workspace');
	createDemoWorkspace(folder).then(() => console.log(`demo workspace ready in ${folder}`), (error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
