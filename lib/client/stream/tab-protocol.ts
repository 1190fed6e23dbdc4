import * as z from '../../flights/browser-zod';
import { checkStreamEvent, type StreamEvent } from '../../flights/stream-schema';
import { BOARD_EVENT_NAMES, type BoardEvent } from '../../flights/board-event';
import type { BoardContent } from '../../flights/board';
import type { LinkState } from './event-source-connection';

/**
 * The version of what tabs say to each other. It is part of the lock and channel names, so a tab
 * left open across a deploy stays with the tabs of its own version (and their one stream), and
 * never reads a message it does not understand.
 */
export const TAB_PROTOCOL_VERSION = 3;

// Names shared by every tab of one browser on this origin.
export const LEADER_LOCK = `skyboard-stream-leader-v${TAB_PROTOCOL_VERSION}`;
export const WANTED_LOCK = `skyboard-stream-wanted-v${TAB_PROTOCOL_VERSION}`;
export const CHANNEL = `skyboard-stream-v${TAB_PROTOCOL_VERSION}`;

export type TabMessage =
  | { type: 'event'; leader: string; id: string; event: BoardEvent }
  | { type: 'sync'; leader: string; to: string; content: BoardContent; lastId: string; link: LinkState }
  | { type: 'link'; leader: string; link: LinkState }
  | { type: 'heartbeat'; leader: string; now: string }
  | { type: 'closed'; leader: string }
  | { type: 'need-sync'; from: string }
  /** A tab released or took the "wanted" lock: the leader counts again. */
  | { type: 'wanted-changed' }
  /** A tab's user asked for updates (a new tab, or Resume): the stream may open again after a server close. */
  | { type: 'want'; from: string };

const linkSchema = z.enum(['connecting', 'live', 'reconnecting', 'polling', 'closed']);
const envelope = z.object({ v: z.literal(TAB_PROTOCOL_VERSION), message: z.looseObject({ type: z.string() }) });
const MESSAGE_SCHEMAS = {
  event: z.object({ type: z.literal('event'), leader: z.string(), id: z.string(), event: z.object({ name: z.enum(BOARD_EVENT_NAMES), data: z.unknown() }) }),
  sync: z.object({ type: z.literal('sync'), leader: z.string(), to: z.string(), content: z.unknown(), lastId: z.string(), link: linkSchema }),
  link: z.object({ type: z.literal('link'), leader: z.string(), link: linkSchema }),
  heartbeat: z.object({ type: z.literal('heartbeat'), leader: z.string(), now: z.iso.datetime({ offset: false }) }),
  closed: z.object({ type: z.literal('closed'), leader: z.string() }),
  'need-sync': z.object({ type: z.literal('need-sync'), from: z.string() }),
  'wanted-changed': z.object({ type: z.literal('wanted-changed') }),
  want: z.object({ type: z.literal('want'), from: z.string() }),
};

const isBoardEvent = (event: StreamEvent): event is StreamEvent & BoardEvent => (BOARD_EVENT_NAMES as readonly string[]).includes(event.name);

/** A message as it goes on the channel. */
export function wrapTabMessage(message: TabMessage) {
  return { v: TAB_PROTOCOL_VERSION, message };
}

/**
 * A message from another tab, checked: its shape, and the flights and events it carries against the
 * stream's own schemas. null: not a message of this protocol (another build, or garbage).
 */
export function parseTabMessage(data: unknown): TabMessage | null {
  const outer = envelope.safeParse(data);
  if (!outer.success || !Object.hasOwn(MESSAGE_SCHEMAS, outer.data.message.type)) return null;
  const type = outer.data.message.type as keyof typeof MESSAGE_SCHEMAS;
  const parsed = MESSAGE_SCHEMAS[type].safeParse(outer.data.message);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.type === 'event') {
    const event = checkStreamEvent(message.event.name, message.event.data);
    return event && isBoardEvent(event) ? { ...message, event } : null;
  }
  if (message.type === 'sync') {
    const snapshot = checkStreamEvent('snapshot', message.content);
    return snapshot?.name === 'snapshot' ? { ...message, content: snapshot.data } : null;
  }
  return message;
}
