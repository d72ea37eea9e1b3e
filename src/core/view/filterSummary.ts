import { truncate } from './formatValues';

/** Characters of the filter text quoted in the view description. */
const quotedFilterLength = 30;

/**
 * The Experiments view's description while a filter is set: `3 of 12 match "unet"`
 * (`1 of 12 matches "unet"`, `none of 12 match "unet"`); without filter text, `12 runs`;
 * `""` when there are no runs at all. Long filter text is cut with `…`; runs of white space
 * in it (line breaks included) become one space.
 */
export function filterSummary(total: number, shown: number, text: string): string {
	const filter = text.trim().replace(/\s+/g, ' ');
	if (total === 0) {
		return '';
	}
	if (filter === '') {
		return `${total} run${total === 1 ? '' : 's'}`;
	}
	const quoted = `"${truncate(filter, quotedFilterLength)}"`;
	if (shown === 0) {
		return `none of ${total} match ${quoted}`;
	}
	return `${shown} of ${total} ${shown === 1 ? 'matches' : 'match'} ${quoted}`;
}
