import { z } from 'zod';
import { directionSchema, flightStatusSchema, isSimulated, SIMULATED_ID_SUFFIX } from './flight';

// Control characters, line/paragraph separators and format characters (bidi overrides, zero-width
// spaces: text that reads differently from what it is) have no place on a board.
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;


/** Fields of a flight a client may know but never write, with what to do instead. */
export const FLIGHT_READ_ONLY_FIELDS: Readonly<Record<string, string>> = {
  updatedAt: 'is set by the server; leave it out',
  version: 'is set by the server (send If-Match to change only the version you saw); leave it out',
  id: 'cannot be changed; delete the flight and create a new one',
  direction: 'cannot be changed; delete the flight and create a new one',
};

/** A trimmed, single-line text of at most `max` characters. */
export const singleLineText = (max: number) =>
  z
    .string()
    .refine((value) => !FORBIDDEN_CHARACTERS.test(value), 'must not contain control or format characters, or line breaks')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const designator = singleLineText(8).regex(/^[A-Z0-9]{2}\d{1,4}[A-Z]?$/, 'must be a flight designator such as AZ768');
const iata = singleLineText(3).regex(/^[A-Z]{3}$/, 'must be a three-letter IATA code such as FCO');
const utcTime = z.iso
  .datetime({ offset: false, message: 'must be an ISO 8601 UTC time such as 2026-11-22T14:05:00Z' })
  .transform((value) => new Date(value).toISOString());

const airportSchema = z.strictObject({ iata, city: singleLineText(60) });

const flightFields = {
  flight: designator,
  codeshares: z.array(designator).max(12, 'must list at most 12 codeshares'),
  airline: singleLineText(80),
  origin: airportSchema,
  destination: airportSchema,
  scheduled: utcTime,
  estimated: utcTime.nullable(),
  actual: utcTime.nullable(),
  terminal: singleLineText(8).nullable(),
  gate: singleLineText(8).nullable(),
  belt: singleLineText(8).nullable(),
  status: flightStatusSchema,
};

/** The body of POST /api/flights: a flight without `updatedAt`, optional fields defaulted. */
export const newFlightSchema = z.strictObject({
  id: singleLineText(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must use only letters, digits, dots, colons, dashes and underscores')
    .refine((id) => !isSimulated({ id }), `must not end in "${SIMULATED_ID_SUFFIX}": those ids belong to the simulator`),
  direction: directionSchema,
  ...flightFields,
  codeshares: flightFields.codeshares.default([]),
  estimated: flightFields.estimated.default(null),
  actual: flightFields.actual.default(null),
  terminal: flightFields.terminal.default(null),
  gate: flightFields.gate.default(null),
  belt: flightFields.belt.default(null),
});
export type NewFlight = z.infer<typeof newFlightSchema>;

/** The body of PATCH /api/flights/{id}: any fields but `id`, `direction` and `updatedAt`, at least one. */
export const flightPatchSchema = z
  .strictObject(flightFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');
export type FlightPatch = z.infer<typeof flightPatchSchema>;
