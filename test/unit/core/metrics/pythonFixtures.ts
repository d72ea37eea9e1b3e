import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** A JSON value as the fixtures build it (numbers may be NaN/Infinity, written as Python does). */
export type PyValue = null | boolean | number | string | PyValue[] | { [key: string]: PyValue };

function pyNumber(value: number): string {
	if (Number.isNaN(value)) {
		return 'NaN';
	}
	if (!Number.isFinite(value)) {
		return value > 0 ? 'Infinity' : '-Infinity';
	}
	return String(value);
}

/**
 * Serializes like Python's `json.dumps`: `", "`/`": "` separators on one line, or `json.dump(…,
 * indent=n)` layout; bare `NaN`/`Infinity` tokens; non-ASCII kept (`ensure_ascii=False`).
 */
export function pyDumps(value: PyValue, indent?: number, depth = 0): string {
	if (typeof value === 'number') {
		return pyNumber(value);
	}
	if (value === null || typeof value !== 'object') {
		return JSON.stringify(value);
	}
	const entries = Array.isArray(value) ? value.map((item) => pyDumps(item, indent, depth + 1)) : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pyDumps(item, indent, depth + 1)}`);
	const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
	if (entries.length === 0) {
		return open + close;
	}
	if (indent === undefined) {
		return open + entries.join(', ') + close;
	}
	const inner = ' '.repeat(indent * (depth + 1));
	return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${' '.repeat(indent * depth)}${close}`;
}

/** A MetricsManager `validation_metrics.jsonl` line (with its `\n`). */
export function validationLine(epoch: number, metrics: Record<string, number>, timestamp = `2026-12-04T15:29:${String(20 + epoch).padStart(2, '0')}.170404`): string {
	return `${pyDumps({ timestamp, epoch, step: 0, phase: 'val', metrics })}\n`;
}

/** A MetricsManager epoch summary (summary.json `metric_history` entry). */
export function epochSummary(epoch: number, trainLoss: number, val: Record<string, number>, learningRate: number | null = 0.001): PyValue {
	return { timestamp: `2026-12-04T15:29:${String(20 + epoch).padStart(2, '0')}.180000`, epoch, train_metrics: { loss: trainLoss }, val_metrics: val, learning_rate: learningRate };
}

/** A temp folder with helpers to write files under it; `dispose` removes it. */
export class TempRun {
	private constructor(readonly dir: string) {}

	static async create(): Promise<TempRun> {
		return new TempRun(await mkdtemp(path.join(os.tmpdir(), 'exptrack-metrics-')));
	}

	/** Absolute path of a file in the run folder. */
	file(...parts: string[]): string {
		return path.join(this.dir, ...parts);
	}

	/** Writes a file (creating folders) and returns its path. */
	async write(relative: string, content: string | Buffer): Promise<string> {
		const target = this.file(relative);
		await mkdir(path.dirname(target), { recursive: true });
		await writeFile(target, content);
		return target;
	}

	async dispose(): Promise<void> {
		await rm(this.dir, { recursive: true, force: true });
	}
}
