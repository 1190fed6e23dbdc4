import { z } from 'zod';
import type { LoggedEvent } from '../flights/board-event';
import type { HistoryEntry } from './history';
import { parseStoredEvent, parseStoredHistoryEntry, StoredRecordError } from './stored-records';

// Redis answers are checked where they enter, by shape, never read by position behind a cast: a
// reply that is not what the command returns (another program's keys, a changed script) is refused.

const entrySchema = z.tuple([z.string(), z.array(z.string())]);
const entriesSchema = z.array(entrySchema);
const xreadSchema = z.array(z.tuple([z.string(), entriesSchema])).nullable();
const hashSchema = z.record(z.string(), z.string());
const commitSchema = z.union([
  z.tuple([z.literal(1)]).rest(z.string()),
  z.tuple([z.literal(0), z.string()]),
]);

function check<T>(schema: z.ZodType<T>, reply: unknown, what: string): T {
  const result = schema.safeParse(reply);
  if (!result.success) throw new StoredRecordError(`Redis answered ${what} with something Skyboard did not expect.`);
  return result.data;
}

/** One stream entry (`n`: the event's name, `d`: its data) as a logged event. */
function loggedEvent([id, fields]: z.infer<typeof entrySchema>): LoggedEvent {
  const field = (name: string) => {
    for (let at = 0; at + 1 < fields.length; at += 2) if (fields[at] === name) return fields[at + 1]!;
    throw new StoredRecordError(`The stream entry ${id} has no field "${name}": Skyboard did not write it.`);
  };
  return { id, event: parseStoredEvent(field('n'), field('d')) };
}

/** An XRANGE reply as logged events. */
export const rangeEvents = (reply: unknown): LoggedEvent[] => check(entriesSchema, reply, 'XRANGE').map(loggedEvent);

/** An XRANGE reply of a flight's history stream (`d`: the entry's JSON). */
export const historyEntries = (reply: unknown): HistoryEntry[] =>
  check(entriesSchema, reply, 'XRANGE').map(([id, fields]) => {
    const at = fields.indexOf('d');
    if (at === -1 || at % 2 !== 0 || at + 1 >= fields.length) throw new StoredRecordError(`The history entry ${id} has no field "d": Skyboard did not write it.`);
    return parseStoredHistoryEntry(fields[at + 1]!);
  });

/** An XREAD reply of one stream (null: nothing new before the block ended) as logged events. */
export const readEvents = (reply: unknown): LoggedEvent[] => (check(xreadSchema, reply, 'XREAD')?.[0]?.[1] ?? []).map(loggedEvent);

/** An HGETALL reply. */
export const hashOf = (reply: unknown): Record<string, string> => check(hashSchema, reply, 'HGETALL');

/** A GET reply. */
export const stringOrNull = (reply: unknown): string | null => check(z.string().nullable(), reply, 'GET');

/** The commit script's reply: the new entries' ids, or the stream's actual last id when the plan was made against an older one. */
export function commitOutcome(reply: unknown): { committed: true; ids: string[] } | { committed: false; lastId: string } {
  const checked = check(commitSchema, reply, 'the commit script');
  return checked[0] === 1 ? { committed: true, ids: checked.slice(1) as string[] } : { committed: false, lastId: checked[1] };
}

/** From an XINFO STREAM reply (field, value, ...): whether the stream still holds every entry ever added to it. */
export function holdsEveryEntry(reply: unknown): boolean {
  const info = check(z.array(z.unknown()), reply, 'XINFO STREAM');
  const number = (name: string) => Number(info[info.indexOf(name) + 1]);
  return number('entries-added') === number('length');
}
