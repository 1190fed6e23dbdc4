import * as z from './browser-zod';
import { flightRecordSchema, flightRemovalSchema, isoTime } from './flight-record-schema';
import { noticeClearedSchema, noticeRecordSchema } from '../signage/notice';
import { screenChangeSchema, screenRecordSchema } from '../signage/screen';

/**
 * Every event the stream sends, by name, with the schema of its data (CONTRACT section 2). The
 * server encodes only these names with these shapes, and the browser parses each frame against them.
 */
const STREAM_EVENT_SCHEMAS = {
  snapshot: z.object({ flights: z.array(flightRecordSchema), notices: z.array(noticeRecordSchema), screens: z.array(screenRecordSchema) }),
  flightStateUpdate: flightRecordSchema,
  flightRemoval: flightRemovalSchema,
  noticePosted: noticeRecordSchema,
  noticeCleared: noticeClearedSchema,
  screenChange: screenChangeSchema,
  closedConnection: z.object({ reason: z.string() }),
  // No id: the client's last event id stays where it was.
  heartbeat: z.object({ now: isoTime }),
};

type Schemas = typeof STREAM_EVENT_SCHEMAS;
export type StreamEventName = keyof Schemas;
export const STREAM_EVENT_NAMES = Object.keys(STREAM_EVENT_SCHEMAS) as StreamEventName[];

/** One frame of the stream: its event name and the data that name carries. */
export type StreamEvent = { [N in StreamEventName]: { name: N; data: z.infer<Schemas[N]> } }[StreamEventName];

/** A frame's event, parsed and checked at the edge; null when its data is not what that event carries. */
export function parseStreamEvent(name: StreamEventName, json: string): StreamEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  return checkStreamEvent(name, data);
}

/** An event's data already parsed from JSON (a message from another tab, say), checked against the same schemas. */
export function checkStreamEvent(name: StreamEventName, data: unknown): StreamEvent | null {
  const result = STREAM_EVENT_SCHEMAS[name].safeParse(data);
  return result.success ? ({ name, data: result.data } as StreamEvent) : null;
}
