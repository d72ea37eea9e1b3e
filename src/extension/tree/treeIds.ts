/** Id of the "Experiments" tree view, as contributed in package.json. */
export const experimentsViewId = 'experimentTracker.experiments';
