/**
 * Orders ids and ISO times by code point. Plain comparison, not `localeCompare`: these strings have
 * no language to collate by, and the first `localeCompare` in a browser loads ICU's collation data
 * (15–20 ms of blocked main thread here) in the middle of a display's first render.
 */
export const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
