/**
 * What is read or computed from a file is remembered by the file's stats only when the file last
 * changed at least this long before: a write in the same clock tick as the read would leave the
 * stats unchanged (git's "racy" index entries), and some file systems keep modification times
 * to the second or two.
 */
export const racyWindowMs = 3000;
