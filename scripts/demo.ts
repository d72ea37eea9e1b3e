import * as path from 'node:path';
import { createDemoWorkspace as createDemoRuns, type DemoWorkspace, type DemoWorkspaceOptions } from '../src/core/demo/demoWorkspace';

/**
 * Recreates the demo workspace's `artifacts/` folder with realistic CrackSeg runs of every kind,
 * one of them running (see src/core/demo/demoWorkspace.ts); nothing else in the folder is touched.
 */
export async function createDemoWorkspace(workspace: string, options?: DemoWorkspaceOptions): Promise<DemoWorkspace> {
	return createDemoRuns(workspace, options);
}

// `node out/scripts/demo.js [FOLDER]` (the F5 task) prepares the demo workspace without starting VS Code.
if (require.main === module) {
	const folder = process.argv[2] ?? path.resolve(__dirname, '../../.demo/workspace');
	createDemoWorkspace(folder).then(() => console.log(`demo workspace ready in ${folder}`), (error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
