import { markRun } from './markRun';

/** Marks a run completed by hand. */
export const markCompleted = markRun('completed');
