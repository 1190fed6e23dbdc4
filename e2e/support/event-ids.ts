// Ids of the memory and SQLite stores are `<epoch>.<sequence>` (lib/events/history-id.ts): opaque to
// clients, but tests of those stores may count with the sequence.

/** The sequence number of a memory or SQLite store's id. */
export function sequenceOf(id: string | undefined): number {
  return Number(id?.slice(id.lastIndexOf('.') + 1));
}

/** The id of the `sequence`th event in the same history as `sameHistoryAs`. */
export function idAt(sameHistoryAs: string, sequence: number): string {
  return `${sameHistoryAs.slice(0, sameHistoryAs.lastIndexOf('.'))}.${sequence}`;
}
