import * as z from '../flights/browser-zod';
import { toFlight, type Flight } from '../flights/flight';
import type { BoardEvent } from '../flights/board-event';
import { flightRecordSchema, flightRemovalSchema } from '../flights/flight-record-schema';
import { noticeClearedSchema, noticeRecordSchema, type Notice } from '../signage/notice';
import { screenChangeSchema, screenRecordSchema, type Screen } from '../signage/screen';
import { historyEntrySchema, type HistoryEntry } from './history';

/** A stored record that is not one this version can read: refused whole, never half-trusted. */
export class StoredRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoredRecordError';
  }
}

// The one schema of a stored flight, for every store. Rows written before `actual` existed read as
// null, and those written before `version` existed as version 1.
const storedFlightSchema = z.extend(flightRecordSchema, {
  actual: z._default(flightRecordSchema.shape.actual, null),
  version: z._default(flightRecordSchema.shape.version, 1),
});

function parseStored<T>(schema: z.ZodMiniType<T>, json: string, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new StoredRecordError(`A stored ${what} is not JSON: the store holds something Skyboard did not write.`);
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(record)'} ${issue.message}`).join('; ');
  throw new StoredRecordError(`A stored ${what} cannot be read (${problems}): it was written by another version of Skyboard, or damaged.`);
}

/** A flight as a store keeps it (JSON), checked and read into today's record, in the contract's field order. */
export function parseStoredFlight(json: string): Flight {
  const flight = parseStored(storedFlightSchema, json, 'flight');
  return toFlight(flight, flight.updatedAt, flight.version);
}

/** A logged event as a store keeps it (its name and its data as JSON), checked and read into today's records. */
export function parseStoredEvent(name: string, json: string): BoardEvent {
  if (name === 'flightStateUpdate') return { name, data: parseStoredFlight(json) };
  if (name === 'flightRemoval') return { name, data: parseStored(flightRemovalSchema, json, 'flight removal') };
  if (name === 'noticePosted') return { name, data: parseStoredNotice(json) };
  if (name === 'noticeCleared') return { name, data: parseStored(noticeClearedSchema, json, 'notice removal') };
  if (name === 'screenChange') return { name, data: parseStored(screenChangeSchema, json, 'screen change') };
  throw new StoredRecordError(`A stored event is named "${name.slice(0, 40)}", which no version of Skyboard writes.`);
}

/** A notice as a store keeps it. */
export const parseStoredNotice = (json: string): Notice => parseStored(noticeRecordSchema, json, 'notice');

/** A named screen as a store keeps it. */
export const parseStoredScreen = (json: string): Screen => parseStored(screenRecordSchema, json, 'screen');

/** One flight history entry as a store keeps it. */
export const parseStoredHistoryEntry = (json: string): HistoryEntry => parseStored(historyEntrySchema, json, 'history entry');
