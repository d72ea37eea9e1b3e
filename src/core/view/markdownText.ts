/**
 * Building blocks for Markdown exports that stay intact whatever the run files hold: user
 * text is escaped so it renders as the characters written, never as Markdown or HTML.
 */

/**
 * Escapes text for inline Markdown (a table cell, a list item, a heading after its `#`):
 * a backslash before every character CommonMark or GitHub could read as markup (`\`, `` ` ``,
 * `*`, `_`, `[`, `]`, `<`, `>`, `|`, `#`, `~`, `&`, `!`, `$`, `{`, `}`), and every line break
 * (CR, LF, U+2028/9) as a space so a cell or item stays on its line. Parentheses stay as they
 * are: they only make a link after a `]`, which is escaped.
 */
export function escapeMarkdown(text: string): string {
	return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\\`*_[\]<>|#~&!${}]/g, (char) => `\\${char}`);
}

/** A GitHub table: a header row, a delimiter row and the rows, each cell escaped; short rows are padded. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const line = (cells: readonly string[]) => `| ${header.map((_, column) => escapeMarkdown(cells[column] ?? '')).join(' | ')} |`;
	return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/**
 * A fenced code block holding `text` verbatim (tracebacks keep their lines): the fence is one
 * backtick longer than the longest run of backticks in the text, so nothing in it can close
 * the block early.
 */
export function fencedBlock(text: string): string {
	const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return `${fence}text\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** A bullet list item `- **Label:** value` with the value escaped; undefined values give no item. */
export function labelledItem(label: string, value: string | undefined): string[] {
	return value === undefined || value === '' ? [] : [`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`];
}
