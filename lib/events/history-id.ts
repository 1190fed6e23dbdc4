import { randomBytes } from 'node:crypto';
import { parseSequenceId } from './sequence-id';

/**
 * Ids of a single-process log: `<epoch>.<sequence>`. The epoch is drawn when the history starts (a
 * memory store starting, a SQLite file created), so an id from another history (a restarted memory
 * store, a replaced database) is unknown here and answered with a snapshot, never with other events.
 */
export function newEpoch(): string {
  return randomBytes(6).toString('base64url');
}

export function historyId(epoch: string, sequence: number): string {
  return `${epoch}.${sequence}`;
}

/** The sequence number of an id of this history; null when the id is malformed or from another history. */
export function sequenceIn(epoch: string, id: string): number | null {
  const dot = id.lastIndexOf('.');
  if (dot < 0 || id.slice(0, dot) !== epoch) return null;
  return parseSequenceId(id.slice(dot + 1));
}
