/** Bad usage: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

/** A failure the user should read: one line on stderr, exit code 1. */
export class CliError extends Error {}
