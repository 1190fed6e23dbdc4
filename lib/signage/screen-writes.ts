import type { EventLog } from '../events/event-log';
import { CodedError } from '../errors/coded-error';
import type { Screen } from './screen';
import type { ScreenSetting } from './signage-input';

/** How many named screens a board keeps: more than the walls of a large airport. */
export const MAX_SCREENS = 1000;

const DEFAULT_LANGUAGES = ['en'];
const DEFAULT_PAGE_SECONDS = 10;

/** Sets what the named screen shows, creating it if it is new; its open pages change over the stream. */
export async function putScreen(log: EventLog, name: string, setting: ScreenSetting): Promise<Screen> {
  const screen: Screen = {
    name,
    kind: setting.kind,
    target: setting.target ?? null,
    languages: setting.languages ?? DEFAULT_LANGUAGES,
    pageSeconds: setting.pageSeconds ?? DEFAULT_PAGE_SECONDS,
    updatedAt: new Date().toISOString(),
  };
  const { result } = await log.commit((_board, signage) => {
    if (!signage.screens.has(name) && signage.screens.size >= MAX_SCREENS) {
      throw new CodedError('too_many_screens', `The board has ${MAX_SCREENS} named screens, as many as it may; remove one first.`);
    }
    return { events: [{ name: 'screenChange', data: { name, screen } }], result: screen };
  });
  return result;
}

/** Removes a named screen; its open pages say it is not set up. */
export async function deleteScreen(log: EventLog, name: string): Promise<void> {
  await log.commit((_board, signage) => {
    if (!signage.screens.has(name)) throw new CodedError('not_found', `No screen is named "${name.slice(0, 80)}".`);
    return { events: [{ name: 'screenChange', data: { name, screen: null } }], result: undefined };
  });
}
