import { createHash } from 'node:crypto';
import { type JsonNode, isJsonObject } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { resolveInterpolations } from './interpolate';
import { dumpYaml } from './yamlDump';

/** The hash with the exact YAML text it covers, or why it cannot be computed. */
export type ConfigHashResult =
	| { readonly ok: true; readonly hash: string; readonly yaml: string }
	| { readonly ok: false; readonly reason: string };

/** The outcome of checking a recorded `config_hash` against a `config.json`. */
export interface ConfigHashVerification {
	readonly status: 'match' | 'mismatch' | 'unverifiable';
	/** The hash recomputed from the file, when it could be computed. */
	readonly computed?: string;
	/** Why the hash could not be checked (always set for 'unverifiable'). */
	readonly reason?: string;
}

/**
 * CrackSeg's `config_hash`: lowercase hex SHA-256 of the UTF-8 bytes of
 * `OmegaConf.to_yaml(config, resolve=True)`, i.e. interpolations resolved first and then
 * {@link dumpYaml}. The top level must be a mapping (a DictConfig) or a list (OmegaConf makes a
 * ListConfig of it, which dumps the same way); a bare scalar is not a config. A config whose
 * interpolations OmegaConf could not resolve gives `ok: false` with the reason; Python's
 * tracker would have raised there instead of recording a hash.
 */
export function computeConfigHash(config: JsonNode): ConfigHashResult {
	if (!isJsonObject(config) && !Array.isArray(config)) {
		return { ok: false, reason: `the config's top level is ${config === null ? 'null' : typeof config === 'object' ? 'a number' : `a ${typeof config}`}, not a mapping or list, so OmegaConf would not treat it as a config` };
	}
	const resolved = resolveInterpolations(config);
	if (!resolved.ok) {
		return { ok: false, reason: `its interpolations cannot be resolved: ${resolved.error}` };
	}
	const yaml = dumpYaml(resolved.value);
	return { ok: true, hash: createHash('sha256').update(yaml, 'utf8').digest('hex'), yaml };
}

/**
 * Checks a recorded `config_hash` against the text of the run's `config.json` (parsed
 * losslessly, so `1.0` stays a float and big ints keep their digits). The comparison ignores
 * letter case and surrounding whitespace of `recorded`. 'unverifiable' when nothing was
 * recorded, when the file does not parse, or when the hash cannot be computed; `reason` says which.
 */
export function verifyConfigHash(configJsonText: string, recorded: string): ConfigHashVerification {
	const expected = recorded.trim().toLowerCase();
	if (expected === '') {
		return { status: 'unverifiable', reason: 'no config_hash was recorded (the tracker was created without a config)' };
	}
	const parsed = parseLenient(configJsonText);
	if (!parsed.ok) {
		const { message, line, column } = parsed.error;
		return { status: 'unverifiable', reason: `config.json does not parse (line ${line}, column ${column}): ${message}` };
	}
	const computed = computeConfigHash(parsed.value);
	if (!computed.ok) {
		return { status: 'unverifiable', reason: computed.reason };
	}
	return { status: computed.hash === expected ? 'match' : 'mismatch', computed: computed.hash };
}
