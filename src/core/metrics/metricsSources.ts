import * as path from 'node:path';
import { readJsonlFrom } from './jsonlReader';
import { readJsonDocument } from './jsonDocument';
import { parseMetricsJsonl } from './metricsJsonlSource';
import { type MetricsSourceData, type MetricsSourceKind } from './metricsModel';
import { parsePhaseLog, phaseLogFiles } from './phaseLogSource';
import { parseMetricsSummary, parseSaverValidation } from './saverSources';
import { SourceBuilder } from './sourceBuilder';
import { parseCompleteSummary, parseSummary } from './summarySources';

/** Parsers of the whole-file JSON documents in `metrics/`, by file name. */
const documentParsers: Readonly<Record<string, (document: unknown, file: string) => MetricsSourceData>> = {
	'summary.json': parseSummary,
	'complete_summary.json': parseCompleteSummary,
	'metrics_summary.json': parseMetricsSummary,
	'validation_metrics.json': parseSaverValidation,
};

const documentKinds: Readonly<Record<string, MetricsSourceKind>> = {
	'summary.json': 'summary',
	'complete_summary.json': 'managerCompleteSummary',
	'metrics_summary.json': 'metricsSummary',
	'validation_metrics.json': 'saverValidation',
};

/** Every file name in a run's `metrics/` folder that CrackSeg writers produce (spec §5). */
export const metricsFileNames: readonly string[] = [...Object.keys(phaseLogFiles), 'metrics.jsonl', ...Object.keys(documentParsers)];

/** True for a JSONL (append-only, line-per-record) metrics file name. */
export function isJsonlMetricsFile(name: string): boolean {
	return name.endsWith('.jsonl');
}

/**
 * Turns the records of a metrics JSONL file into normalized values, choosing the parser by the
 * file name: the MetricsManager phase logs, or `metrics.jsonl` (both writers). Pure: pass a
 * `readJsonlFrom` chunk's records and lines (an incremental watcher parses only its new lines).
 */
export function parseJsonlRecords(name: string, records: readonly unknown[], lines: ReadonlyArray<number | undefined>, file: string): MetricsSourceData {
	const phase = phaseLogFiles[name];
	return phase === undefined ? parseMetricsJsonl(records, lines, file) : parsePhaseLog(records, lines, file, phase);
}

/** Turns a parsed whole-file metrics document into normalized values, by file name; `undefined` for an unknown name. */
export function parseMetricsDocument(name: string, document: unknown, file: string): MetricsSourceData | undefined {
	return documentParsers[name]?.(document, file);
}

/** One file's normalized content, plus its mtime (ms; 0 when unknown). */
export interface MetricsSourceRead {
	readonly data: MetricsSourceData;
	readonly mtimeMs: number;
}

/**
 * Reads one metrics file whole and parses it with the parser for its name (one of
 * {@link metricsFileNames}); in a JSONL file an unterminated last line counts when it is a
 * complete object. `undefined` when the file does not exist or the name is unknown.
 * Never throws: corrupt lines, a corrupt document or an I/O error become problems on the result.
 */
export async function readMetricsSource(file: string): Promise<MetricsSourceRead | undefined> {
	const name = path.basename(file);
	if (isJsonlMetricsFile(name)) {
		if (!metricsFileNames.includes(name)) {
			return undefined;
		}
		const chunk = await readJsonlFrom(file);
		if (chunk.missing) {
			return undefined;
		}
		const records = chunk.provisional === undefined ? chunk.records : [...chunk.records, chunk.provisional];
		const data = parseJsonlRecords(name, records, [...chunk.lines, chunk.cursor.lineNumber + 1], file);
		return { data: { ...data, problems: [...chunk.problems, ...data.problems] }, mtimeMs: chunk.mtimeMs };
	}
	const read = await readJsonDocument(file);
	if (read.status === 'missing' || !(name in documentParsers)) {
		return undefined;
	}
	if (read.status === 'failed') {
		const builder = new SourceBuilder(file, documentKinds[name]);
		// complete_summary.json is only ever written once training ends, so even torn it says "finished".
		builder.finished = name === 'complete_summary.json';
		builder.addProblems([read.problem]);
		return { data: builder.build(), mtimeMs: read.mtimeMs };
	}
	return { data: parseMetricsDocument(name, read.value, file) as MetricsSourceData, mtimeMs: read.mtimeMs };
}
