import { log } from './harness/log';
import { ensureTools } from './harness/tools';

/** `node out/scripts/installTools.js`: installs the real VS Code host's tools now (CI does this first, to time it apart). */
ensureTools().then((tools) => log(`tools ready: ${tools.serverMain}`), (error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
