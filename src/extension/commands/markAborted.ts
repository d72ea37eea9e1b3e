import { markRun } from './markRun';

/** Marks a run aborted by hand. */
export const markAborted = markRun('aborted');
