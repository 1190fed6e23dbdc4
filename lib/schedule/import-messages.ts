import * as z from '../flights/browser-zod';

/**
 * Every event of an import's progress stream, by name, with the schema of its data (CONTRACT
 * section 6): the server writes only these, and the import page parses each frame against them.
 */
const IMPORT_EVENT_SCHEMAS = {
  importProgress: z.object({ phase: z.enum(['validating', 'applying']), done: z.number(), total: z.number() }),
  importError: z.object({ row: z.number(), field: z.string(), message: z.string() }),
  importDone: z.object({ created: z.number(), updated: z.number(), rejected: z.number(), lastEventId: z.string() }),
};

type Schemas = typeof IMPORT_EVENT_SCHEMAS;
type ImportEventName = keyof Schemas;

/** One frame of the progress stream: its event name and the data that name carries. */
export type ImportMessage = { [N in ImportEventName]: { name: N; data: z.infer<Schemas[N]> } }[ImportEventName];

/** A frame of the progress stream, checked; null when it is not one the server sends. */
export function parseImportMessage(name: string, json: string): ImportMessage | null {
  if (!Object.hasOwn(IMPORT_EVENT_SCHEMAS, name)) return null;
  try {
    const result = IMPORT_EVENT_SCHEMAS[name as ImportEventName].safeParse(JSON.parse(json));
    return result.success ? ({ name, data: result.data } as ImportMessage) : null;
  } catch {
    return null;
  }
}
