import { randomUUID } from 'node:crypto';
import type { EventLog } from '../events/event-log';
import { CodedError } from '../errors/coded-error';
import type { Notice } from './notice';
import type { NewNotice } from './signage-input';

/** How many notices may be active at once: enough for any airport, and a bound on what a page carries. */
export const MAX_ACTIVE_NOTICES = 50;

/** Puts a notice on the screens it names (all of them when it names none). */
export async function postNotice(log: EventLog, input: NewNotice): Promise<Notice> {
  const notice: Notice = { id: randomUUID(), text: input.text, level: input.level, screens: input.screens ?? null, createdAt: new Date().toISOString() };
  const { result } = await log.commit((_board, signage) => {
    if (signage.notices.size >= MAX_ACTIVE_NOTICES) {
      throw new CodedError('too_many_notices', `${MAX_ACTIVE_NOTICES} notices are active, as many as may be; clear one first.`);
    }
    return { events: [{ name: 'noticePosted', data: notice }], result: notice };
  });
  return result;
}

/** Takes a notice off every screen. */
export async function clearNotice(log: EventLog, id: string): Promise<void> {
  await log.commit((_board, signage) => {
    if (!signage.notices.has(id)) throw new CodedError('not_found', `No active notice has the id "${id.slice(0, 80)}".`);
    return { events: [{ name: 'noticeCleared', data: { id } }], result: undefined };
  });
}
