import * as z from './browser-zod';
import { directionSchema, flightStatusSchema, type Flight } from './flight';
import type { FlightRemoval } from './board-event';

const airport = z.object({ iata: z.string(), city: z.string() });
/** A time as records carry it: ISO 8601 UTC. */
export const isoTime = z.iso.datetime({ offset: false });

/**
 * A flight record as it travels and as stores keep it (CONTRACT section 3): what a stream frame,
 * a tab message and a stored row are checked against, wherever one enters.
 */
export const flightRecordSchema = z.object({
  id: z.string(),
  flight: z.string(),
  codeshares: z.array(z.string()),
  airline: z.string(),
  direction: directionSchema,
  origin: airport,
  destination: airport,
  scheduled: isoTime,
  estimated: z.nullable(isoTime),
  actual: z.nullable(isoTime),
  terminal: z.nullable(z.string()),
  gate: z.nullable(z.string()),
  belt: z.nullable(z.string()),
  status: flightStatusSchema,
  updatedAt: isoTime,
  version: z.number().check(z.int(), z.positive()),
}) satisfies z.ZodMiniType<Flight>;

/** The data of a `flightRemoval`. */
export const flightRemovalSchema = z.object({ id: z.string(), flight: z.string() }) satisfies z.ZodMiniType<FlightRemoval>;
