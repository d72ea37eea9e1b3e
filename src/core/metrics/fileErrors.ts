import { NotARegularFileError } from '../fs/openRegularFile';
import { type Problem, problem } from '../problems';

// A missing metrics file is simply a source the run does not have, never a problem.
export { isMissingFileError } from '../fs/errno';

/** The 'unreadable' problem for an I/O error other than a missing file (permissions, a directory, EIO). */
export function unreadableProblem(file: string, error: unknown): Problem {
	if (error instanceof NotARegularFileError) {
		return problem('unreadable', file, `This is ${error.kind}, not a file: it is not read.`, 'error');
	}
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const reason = code ?? (error instanceof Error ? error.message : String(error));
	return problem('unreadable', file, `Could not read this metrics file (${reason}).`, 'error');
}
