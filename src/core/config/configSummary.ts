import { type JsonNode, type JsonObject, isJsonObject } from '../json/jsonValue';
import { resolveInterpolations } from './interpolate';

/** The summary CrackSeg's tracker would record, or why its constructor would raise instead. */
export type ConfigSummaryResult =
	| { readonly ok: true; readonly summary: JsonObject }
	| { readonly ok: false; readonly reason: string };

class TrackerWouldRaise extends Error {}

const unknown = 'unknown';

/** Python's `section.get(key, "unknown")`: a key that is present keeps its value, `null` included. */
function valueOr(section: JsonObject, key: string): JsonNode {
	return section.has(key) ? (section.get(key) ?? null) : unknown;
}

/** Python's `section.get(key, {}).get("_target_", "unknown")`, which raises AttributeError for a non-dict value. */
function targetOf(section: JsonObject, sectionName: string, key: string): JsonNode {
	if (!section.has(key)) {
		return unknown;
	}
	const value = section.get(key) ?? null;
	if (!isJsonObject(value)) {
		throw new TrackerWouldRaise(`${sectionName}.${key} is ${value === null ? 'null' : 'not a mapping'}, so Python's tracker would raise AttributeError calling .get("_target_") on it`);
	}
	return valueOr(value, '_target_');
}

/**
 * CrackSeg's `config_summary` (ExperimentConfigManager.extract_config_summary), computed from
 * the config with interpolations resolved, as Python's `to_container(resolve=True)` gives it.
 * Keys in this order, each section only when its top-level key holds a mapping:
 * `epochs`, `batch_size`, `learning_rate`, `optimizer`, `loss` (from `training`);
 * `model_type`, `encoder`, `decoder` (from `model`); `dataset`, `data_root` (from `data`).
 * Absent keys give the string `"unknown"`; present values keep their types (an int stays an
 * int token, `null` stays null, a mapping stays a mapping). A top level that is not a mapping
 * gives `{}`. `ok: false` when Python would raise instead: `training.optimizer`,
 * `training.loss`, `model.encoder` or `model.decoder` present but not a mapping
 * (AttributeError), or interpolations that cannot be resolved.
 */
export function extractConfigSummary(config: JsonNode): ConfigSummaryResult {
	const resolved = resolveInterpolations(config);
	if (!resolved.ok) {
		return { ok: false, reason: `its interpolations cannot be resolved, so Python's tracker would raise: ${resolved.error}` };
	}
	const root = resolved.value;
	const summary: JsonObject = new Map();
	if (!isJsonObject(root)) {
		return { ok: true, summary };
	}
	try {
		const training = root.get('training');
		if (isJsonObject(training)) {
			summary.set('epochs', valueOr(training, 'epochs'));
			summary.set('batch_size', valueOr(training, 'batch_size'));
			summary.set('learning_rate', valueOr(training, 'learning_rate'));
			summary.set('optimizer', targetOf(training, 'training', 'optimizer'));
			summary.set('loss', targetOf(training, 'training', 'loss'));
		}
		const model = root.get('model');
		if (isJsonObject(model)) {
			summary.set('model_type', valueOr(model, '_target_'));
			summary.set('encoder', targetOf(model, 'model', 'encoder'));
			summary.set('decoder', targetOf(model, 'model', 'decoder'));
		}
		const data = root.get('data');
		if (isJsonObject(data)) {
			summary.set('dataset', valueOr(data, 'dataset'));
			summary.set('data_root', valueOr(data, 'root_dir'));
		}
	} catch (error) {
		if (error instanceof TrackerWouldRaise) {
			return { ok: false, reason: error.message };
		}
		throw error;
	}
	return { ok: true, summary };
}
