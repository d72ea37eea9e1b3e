import { type JsonNode, type JsonObject, isJsonNumber, isJsonObject } from '../json/jsonValue';
import { dumpPythonJson } from '../json/pythonJson';
import { parseLenient } from '../json/lenientParse';
import type { TrackerKey } from '../format/trackerSchema';

/**
 * An `experiment_tracker.json` held losslessly for editing: key order, int/float spelling
 * and bare NaN tokens survive, and {@link set} refuses keys the file does not have, because
 * CrackSeg's loader discards a file with a key it does not know. Serializes byte for byte
 * as Python's `json.dump(indent=2)` does.
 */
export class TrackerDocument {
	private constructor(private readonly root: JsonObject) {}

	/** Parses file text; undefined when it is not a JSON object. */
	static parse(text: string): TrackerDocument | undefined {
		const parsed = parseLenient(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
		return parsed.ok && isJsonObject(parsed.value) ? new TrackerDocument(parsed.value) : undefined;
	}

	/** Wraps a document built in memory (a new file, with its keys in Python's order). */
	static fromObject(root: JsonObject): TrackerDocument {
		return new TrackerDocument(root);
	}

	has(key: TrackerKey): boolean {
		return this.root.has(key);
	}

	get(key: TrackerKey): JsonNode | undefined {
		return this.root.get(key);
	}

	getString(key: TrackerKey): string | undefined {
		const value = this.root.get(key);
		return typeof value === 'string' ? value : undefined;
	}

	getStringList(key: TrackerKey): string[] | undefined {
		const value = this.root.get(key);
		return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
	}

	getNumber(key: TrackerKey): number | undefined {
		const value = this.root.get(key);
		return isJsonNumber(value) ? value.value : undefined;
	}

	/** Sets an existing key in place (its position unchanged). Returns false, changing nothing, if the file lacks the key. */
	set(key: TrackerKey, value: JsonNode): boolean {
		if (!this.root.has(key)) {
			return false;
		}
		this.root.set(key, value);
		return true;
	}

	/** The file's text as Python writes it: 2-space indent, ASCII escapes, no trailing newline. */
	serialize(): string {
		return dumpPythonJson(this.root);
	}
}
