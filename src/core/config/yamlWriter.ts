/**
 * The output side of a PyYAML-compatible emitter: the text written so far plus the cursor facts
 * PyYAML's `Emitter` tracks (column, whether the last character was whitespace or indentation,
 * the current indent). Columns count code points, as PyYAML counts Python characters.
 */
export class YamlWriter {
	/** PyYAML's default `best_width`: past this column, scalars break at the next space. */
	readonly bestWidth = 80;
	/** PyYAML's default `best_indent`. */
	readonly bestIndent = 2;
	private readonly parts: string[] = [];
	column = 0;
	/** The last character written was whitespace (or nothing has been written on this line). */
	whitespace = true;
	/** Only indentation and indicators (`-`, `?`, `:`) have been written on this line. */
	indention = true;
	/** The current indent in spaces; null before the first block collection. */
	indent: number | null = null;
	/** A plain root scalar was written, so the document needs an explicit `...` end. */
	openEnded = false;
	private readonly indents: Array<number | null> = [];

	/** The YAML text written so far. */
	get text(): string {
		return this.parts.join('');
	}

	/** Pushes the indent and increases it, as PyYAML's `increase_indent`. */
	increaseIndent(flow: boolean, indentless = false): void {
		this.indents.push(this.indent);
		if (this.indent === null) {
			this.indent = flow ? this.bestIndent : 0;
		} else if (!indentless) {
			this.indent += this.bestIndent;
		}
	}

	/** Restores the indent saved by the matching {@link increaseIndent}. */
	popIndent(): void {
		this.indent = this.indents.pop() ?? null;
	}

	/** Writes text that contains no line break; `length` is its length in code points. */
	writeRaw(text: string, length: number): void {
		this.parts.push(text);
		this.column += length;
	}

	/** Writes an indicator such as `-`, `:`, `'`, preceded by a space when one is needed. */
	writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
		const data = this.whitespace || !needWhitespace ? indicator : ' ' + indicator;
		this.whitespace = whitespace;
		this.indention = this.indention && indention;
		this.openEnded = false;
		this.writeRaw(data, data.length);
	}

	/** Moves to the current indent, starting a new line when the cursor is already past it. */
	writeIndent(): void {
		const indent = this.indent ?? 0;
		if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
			this.writeLineBreak();
		}
		if (this.column < indent) {
			this.whitespace = true;
			this.writeRaw(' '.repeat(indent - this.column), indent - this.column);
		}
	}

	/** Ends the line with `\n`, or with the given line-break character kept from a scalar. */
	writeLineBreak(lineBreak = '\n'): void {
		this.whitespace = true;
		this.indention = true;
		this.column = 0;
		this.parts.push(lineBreak);
	}
}
