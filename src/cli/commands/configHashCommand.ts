import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { computeConfigHash } from '../../core/config/configHash';
import { parseLenient } from '../../core/json/lenientParse';
import { CliError } from '../cliError';
import type { CliCommand } from '../command';

/** `exptrack config-hash FILE`: CrackSeg's config_hash of a JSON config. */
export const configHashCommand: CliCommand = {
	name: 'config-hash',
	usage: 'FILE',
	summary: 'Print the 64-hex config_hash CrackSeg records for a JSON config (sha256 of OmegaConf.to_yaml).',
	positionals: 1,
	async run(context, args) {
		const file = path.resolve(context.cwd, args.positionals[0]!);
		const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
			throw new CliError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
		});
		const parsed = parseLenient(text.replace(/^\uFEFF/, ''));
		if (!parsed.ok) {
			throw new CliError(`${file} is not valid JSON: ${parsed.error.message}`);
		}
		const result = computeConfigHash(parsed.value);
		if (!result.ok) {
			throw new CliError(`cannot hash ${file}: ${result.reason}`);
		}
		context.out(result.hash);
	},
};
