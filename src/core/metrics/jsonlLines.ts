import { type Problem, problem } from '../problems';
import { isPlainObject, parseJsonText } from './jsonText';

const newline = 0x0a;
const carriageReturn = 0x0d;
/** Past this many corrupt lines in one read, the rest are counted in one closing problem. */
const maxLineProblems = 20;
/** One strict decoder for every line: `decode` without `stream` starts afresh on each call. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte offset of each `\n` in `bytes` from `from` on, in order. */
export function newlineOffsets(bytes: Uint8Array, from = 0): number[] {
	const offsets: number[] = [];
	for (let index = bytes.indexOf(newline, from); index !== -1; index = bytes.indexOf(newline, index + 1)) {
		offsets.push(index);
	}
	return offsets;
}

/**
 * Decodes one line (without its `\n`; a trailing `\r` is dropped) as strict UTF-8. Decoding
 * per complete line, never per read, is what keeps a multi-byte character that straddles two
 * reads intact. `undefined` when the bytes are not UTF-8.
 */
export function decodeLine(bytes: Uint8Array): string | undefined {
	const end = bytes.length > 0 && bytes[bytes.length - 1] === carriageReturn ? bytes.length - 1 : bytes.length;
	try {
		return utf8.decode(bytes.subarray(0, end));
	} catch {
		return undefined;
	}
}

/**
 * A trailing segment that has no `\n` yet, if it already holds one complete JSON object: a
 * writer that omits the final newline still counts. `undefined` for a half-written line.
 */
export function parseProvisionalLine(bytes: Uint8Array): unknown {
	const text = decodeLine(bytes)?.trim();
	if (text === undefined || text === '') {
		return undefined;
	}
	const parsed = parseJsonText(text);
	return parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
}

/**
 * Collects the records of complete JSONL lines, in file order. A line that is not UTF-8 or not
 * JSON becomes one problem naming its line and is skipped; blank lines are ignored.
 */
export class JsonlRecordCollector {
	/** Parsed values, in file order (any JSON value: shape checks belong to the source parsers). */
	readonly records: unknown[] = [];
	/** The 1-based line number of each record (parallel to `records`); `undefined` in a tail read. */
	readonly lines: Array<number | undefined> = [];
	readonly problems: Problem[] = [];
	private unreported = 0;

	constructor(private readonly file: string) {}

	/** Parses one complete line; `lineNumber` is 1-based, or `undefined` when unknown (tail reads). */
	add(bytes: Uint8Array, lineNumber: number | undefined): void {
		const text = decodeLine(bytes);
		if (text === undefined) {
			this.report('encoding', lineNumber, 'is not valid UTF-8');
			return;
		}
		if (text.trim() === '') {
			return;
		}
		const parsed = parseJsonText(text);
		if (!parsed.ok) {
			this.report('corrupt', lineNumber, `is not valid JSON (${parsed.message})`);
			return;
		}
		this.records.push(parsed.value);
		this.lines.push(lineNumber);
	}

	/** Closes the read: adds one problem counting the bad lines past the per-read limit, if any. */
	finish(): void {
		if (this.unreported > 0) {
			this.problems.push(problem('corrupt', this.file, `${this.unreported} more lines are corrupt and were skipped.`, 'warning'));
		}
	}

	private report(kind: 'corrupt' | 'encoding', lineNumber: number | undefined, what: string): void {
		if (this.problems.length >= maxLineProblems) {
			this.unreported++;
			return;
		}
		const where = lineNumber === undefined ? 'A line near the end' : `Line ${lineNumber}`;
		this.problems.push(problem(kind, this.file, `${where} ${what}: skipped, the other lines still count.`, 'warning'));
	}
}
