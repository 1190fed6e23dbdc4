import { describe, expect, it } from 'vitest';
import { createMemoryLog } from '../events/memory-log';
import { clearNotice, MAX_ACTIVE_NOTICES, postNotice } from './notice-writes';
import { deleteScreen, putScreen } from './screen-writes';

const newLog = () => createMemoryLog({ historyLimit: 1000 });

describe('notice writes', () => {
  it('posts a notice as one noticePosted event and clears it as one noticeCleared', async () => {
    const log = newLog();
    const seen: string[] = [];
    log.subscribe(({ event }) => seen.push(event.name));
    const notice = await postNotice(log, { text: 'Gate A1 is closed.', level: 'info', screens: ['gate-a1'] });
    expect(notice).toMatchObject({ text: 'Gate A1 is closed.', level: 'info', screens: ['gate-a1'] });
    expect((await log.snapshot()).notices).toEqual([notice]);
    await clearNotice(log, notice.id);
    expect((await log.snapshot()).notices).toEqual([]);
    expect(seen).toEqual(['noticePosted', 'noticeCleared']);
  });

  it('reaches every screen when it names none', async () => {
    expect((await postNotice(newLog(), { text: 'Fire alarm test at 10:00.', level: 'emergency' })).screens).toBeNull();
  });

  it('refuses to clear a notice that is not active, appending nothing', async () => {
    const log = newLog();
    const before = (await log.snapshot()).lastEventId;
    await expect(clearNotice(log, 'no-such-notice')).rejects.toMatchObject({ code: 'not_found' });
    expect((await log.snapshot()).lastEventId).toBe(before);
  });

  it(`refuses a notice beyond ${MAX_ACTIVE_NOTICES} active ones`, async () => {
    const log = newLog();
    for (let i = 0; i < MAX_ACTIVE_NOTICES; i++) await postNotice(log, { text: `Notice ${i}`, level: 'info' });
    await expect(postNotice(log, { text: 'One more', level: 'info' })).rejects.toMatchObject({ code: 'too_many_notices' });
    expect((await log.snapshot()).notices).toHaveLength(MAX_ACTIVE_NOTICES);
  });
});

describe('screen writes', () => {
  it('creates a screen with the defaults, changes it, and removes it with a screenChange each time', async () => {
    const log = newLog();
    const changes: unknown[] = [];
    log.subscribe(({ event }) => event.name === 'screenChange' && changes.push(event.data));
    const created = await putScreen(log, 'hall-1', { kind: 'departures' });
    expect(created).toMatchObject({ name: 'hall-1', kind: 'departures', target: null, languages: ['en'], pageSeconds: 10 });
    const changed = await putScreen(log, 'hall-1', { kind: 'gate', target: 'B7', languages: ['de', 'en'], pageSeconds: 20 });
    expect((await log.snapshot()).screens).toEqual([changed]);
    await deleteScreen(log, 'hall-1');
    expect((await log.snapshot()).screens).toEqual([]);
    expect(changes).toEqual([
      { name: 'hall-1', screen: created },
      { name: 'hall-1', screen: changed },
      { name: 'hall-1', screen: null },
    ]);
  });

  it('refuses to remove a screen that does not exist', async () => {
    await expect(deleteScreen(newLog(), 'nowhere')).rejects.toMatchObject({ code: 'not_found' });
  });
});
