import { markRun } from './markRun';

/** Marks a run failed by hand, asking for a reason. */
export const markFailed = markRun('failed');
