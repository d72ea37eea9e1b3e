import { type JsonNode, JsonNumber } from '../json/jsonValue';
import { quotePythonString } from '../json/pythonJson';

/**
 * Python's `json.dumps(node, ensure_ascii=...)` with no indent: one line, `", "` between items and
 * `": "` after keys, `[]`/`{}` for empty containers, number tokens verbatim (bare `NaN` included).
 * This is how MetricsManager writes each `validation_metrics.jsonl` line (`ensure_ascii=False`)
 * and how ExperimentManager encodes `experiment_info.json`'s `metadata` string (ASCII).
 */
export function dumpPythonJsonLine(node: JsonNode, ensureAscii = true): string {
	if (typeof node === 'string') {
		return quotePythonString(node, ensureAscii);
	}
	if (node instanceof JsonNumber) {
		return node.text;
	}
	if (node === null || typeof node === 'boolean') {
		return node === null ? 'null' : String(node);
	}
	if (Array.isArray(node)) {
		return `[${node.map((item) => dumpPythonJsonLine(item, ensureAscii)).join(', ')}]`;
	}
	return `{${[...node].map(([key, value]) => `${quotePythonString(key, ensureAscii)}: ${dumpPythonJsonLine(value, ensureAscii)}`).join(', ')}}`;
}
