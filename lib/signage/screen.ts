import * as z from '../flights/browser-zod';
import { isoTime } from '../flights/flight-record-schema';

export const SCREEN_KINDS = ['departures', 'arrivals', 'gate', 'belt'] as const;
export type ScreenKind = (typeof SCREEN_KINDS)[number];

/** What a named screen shows (CONTRACT section 8); `target` is the gate or belt, null for a board. */
export interface Screen {
  name: string;
  kind: ScreenKind;
  target: string | null;
  languages: string[];
  pageSeconds: number;
  updatedAt: string;
}

/** A screen's name: lower-case letters, digits and dashes, 1 to 40. */
export const SCREEN_NAME = /^[a-z0-9-]{1,40}$/;

/** A screen as it travels and as stores keep it, checked wherever one enters. */
export const screenRecordSchema = z.object({
  name: z.string(),
  kind: z.enum(SCREEN_KINDS),
  target: z.nullable(z.string()),
  languages: z.array(z.string()),
  pageSeconds: z.number(),
  updatedAt: isoTime,
}) satisfies z.ZodMiniType<Screen>;

/** The data of a `screenChange`: the screen's new setting, or null when it was removed. */
export const screenChangeSchema = z.object({ name: z.string(), screen: z.nullable(screenRecordSchema) });
export type ScreenChange = z.infer<typeof screenChangeSchema>;
