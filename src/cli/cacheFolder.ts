import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where `exptrack` keeps its run-summary caches: `$EXPTRACK_CACHE_DIR`, else the platform's
 * per-user cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows), in an `exptrack` folder. Never inside a workspace: the run
 * folders belong to the training scripts.
 */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
	if (env.EXPTRACK_CACHE_DIR) {
		return path.resolve(env.EXPTRACK_CACHE_DIR);
	}
	if (platform === 'win32') {
		return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'exptrack', 'Cache');
	}
	if (platform === 'darwin') {
		return path.join(home, 'Library', 'Caches', 'exptrack');
	}
	// The XDG spec says a relative value is invalid and must be ignored.
	const xdg = env.XDG_CACHE_HOME;
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'exptrack');
}
