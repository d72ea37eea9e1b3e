import { writeFileSync } from 'node:fs';
import * as os from 'node:os';

/** One measured figure, with its target when it has one. */
export interface Figure {
	/** Stable key in results.json (`coldIndex.ratio`, …). */
	readonly key: string;
	readonly label: string;
	readonly value: number;
	/** `×` marks a ratio; it is then printed first, with the absolute times in `detail`. */
	readonly unit: 'ms' | 'ms/run' | '×' | 'MB' | 'KB' | 'runs' | '';
	/** Met when `value <= target.max`. */
	readonly target?: { readonly max: number; readonly text: string };
	readonly detail?: string;
}

/** What was measured on, and when. */
export interface Machine {
	readonly cpus: number;
	readonly cpuModel: string;
	readonly node: string;
	readonly platform: string;
	readonly totalMemoryGb: number;
}

/** The machine the bench runs on. */
export function describeMachine(): Machine {
	const cpus = os.cpus();
	return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemoryGb: Math.round(os.totalmem() / 1024 ** 3) };
}

/** Whether a figure meets its target (`undefined` when it has none). */
export function isMet(figure: Figure): boolean | undefined {
	return figure.target === undefined ? undefined : figure.value <= figure.target.max;
}

function formatValue(figure: Figure): string {
	const digits = figure.unit === '×' ? 2 : figure.unit === 'ms/run' ? 4 : figure.unit === 'runs' || figure.value >= 100 ? 0 : figure.value < 10 ? 2 : 1;
	const number = figure.value.toFixed(digits);
	return figure.unit === '×' ? `${number}×` : figure.unit === '' ? number : `${number} ${figure.unit}`;
}

/** The figures as an aligned text table: figure, value, target, met (✓/✗), detail. */
export function formatTable(figures: readonly Figure[]): string {
	const rows = figures.map((figure) => {
		const met = isMet(figure);
		return [figure.label, formatValue(figure), figure.target?.text ?? '', met === undefined ? '' : met ? '✓' : '✗', figure.detail ?? ''];
	});
	const header = ['Figure', 'Value', 'Target', 'Met', 'Detail'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
	const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Writes results.json: every figure with its target and verdict, the raw measurements, the machine and the date. */
export function writeResults(file: string, figures: readonly Figure[], raw: Record<string, unknown>, options: Record<string, unknown>): void {
	const document = {
		date: new Date().toISOString(),
		machine: describeMachine(),
		options,
		figures: figures.map((figure) => ({ ...figure, met: isMet(figure) })),
		raw,
	};
	writeFileSync(file, JSON.stringify(document, null, '\t') + '\n');
}
