/** One rendered row of a tree: its nesting level (1 = top) and its label. */
export interface TreeLabel {
	readonly level: number;
	readonly label: string;
}

/** The labels of the rows nested under the top-level row labelled `group`, top to bottom; undefined without that group. */
export function labelsUnder(rows: readonly TreeLabel[], group: string): string[] | undefined {
	const start = rows.findIndex((row) => row.level === 1 && row.label === group);
	if (start === -1) {
		return undefined;
	}
	const after = rows.slice(start + 1);
	const end = after.findIndex((row) => row.level === 1);
	return after.slice(0, end === -1 ? undefined : end).map((row) => row.label);
}

/** The labels of the top-level rows that have a row labelled `label` under them. */
export function groupsOf(rows: readonly TreeLabel[], label: string): string[] {
	return rows.filter((row) => row.level === 1 && labelsUnder(rows, row.label)?.includes(label)).map((row) => row.label);
}
