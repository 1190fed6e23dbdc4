import { z } from 'zod';
import { directionSchema, flightStatusSchema, type Flight } from './flight';

// These schemas run in the browser, whose script policy has no 'unsafe-eval': zod would first try
// `new Function` to compile its parsers, a violation the browser reports. Plain parsing is enough here.
z.config({ jitless: true });

const airport = z.object({ iata: z.string(), city: z.string() });
const time = z.iso.datetime({ offset: false });

/** A flight as a stream frame carries it (CONTRACT section 3). */
const flightRecordSchema = z.object({
  id: z.string(),
  flight: z.string(),
  codeshares: z.array(z.string()),
  airline: z.string(),
  direction: directionSchema,
  origin: airport,
  destination: airport,
  scheduled: time,
  estimated: time.nullable(),
  actual: time.nullable(),
  terminal: z.string().nullable(),
  gate: z.string().nullable(),
  belt: z.string().nullable(),
  status: flightStatusSchema,
  updatedAt: time,
}) satisfies z.ZodType<Flight>;

/**
 * Every event the stream sends, by name, with the schema of its data (CONTRACT section 2). The
 * server encodes only these names with these shapes, and the browser parses each frame against them.
 */
const STREAM_EVENT_SCHEMAS = {
  snapshot: z.object({ flights: z.array(flightRecordSchema) }),
  flightStateUpdate: flightRecordSchema,
  flightRemoval: z.object({ id: z.string(), flight: z.string() }),
  closedConnection: z.object({ reason: z.string() }),
  // No id: the client's last event id stays where it was.
  heartbeat: z.object({ now: time }),
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
