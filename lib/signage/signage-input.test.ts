import { describe, expect, it } from 'vitest';
import { newNoticeSchema, screenNameOrNull, screenSettingSchema } from './signage-input';

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('notice input', () => {
  it('takes a trimmed text, a level and screens without repeats', () => {
    expect(newNoticeSchema.parse({ text: '  Belt 3 is out of order.  ', level: 'info', screens: ['belt-3', 'belt-3'] })).toEqual({
      text: 'Belt 3 is out of order.',
      level: 'info',
      screens: ['belt-3'],
    });
  });

  it('refuses empty or long text, line breaks, an unknown level, an empty screen list, bad names and unknown fields', () => {
    expect(newNoticeSchema.safeParse({ text: ' ', level: 'info' }).success).toBe(false);
    expect(newNoticeSchema.safeParse({ text: 'x'.repeat(281), level: 'info' }).success).toBe(false);
    expect(newNoticeSchema.safeParse({ text: 'two\nlines', level: 'info' }).success).toBe(false);
    expect(newNoticeSchema.safeParse({ text: 'Hello', level: 'urgent' }).success).toBe(false);
    expect(errorsOf(newNoticeSchema.safeParse({ text: 'Hello', level: 'info', screens: [] }))).toEqual([
      'screens: must name at least one screen; leave it out to reach every screen',
    ]);
    expect(newNoticeSchema.safeParse({ text: 'Hello', level: 'info', screens: ['Gate B7'] }).success).toBe(false);
    expect(newNoticeSchema.safeParse({ text: 'Hello', level: 'info', id: 'mine' }).success).toBe(false);
    expect(newNoticeSchema.parse({ text: 'x'.repeat(280), level: 'emergency' }).text).toHaveLength(280);
  });
});

describe('screen input', () => {
  it('needs a target for a gate or belt screen and refuses one for a board', () => {
    expect(errorsOf(screenSettingSchema.safeParse({ kind: 'gate' }))).toEqual(['target: must name the gate this screen shows']);
    expect(errorsOf(screenSettingSchema.safeParse({ kind: 'departures', target: 'A1' }))).toEqual([
      'target: must be left out: a departures screen shows the whole board',
    ]);
    expect(screenSettingSchema.parse({ kind: 'belt', target: '3' })).toEqual({ kind: 'belt', target: '3' });
  });

  it('takes known languages once each and a whole number of seconds in range', () => {
    expect(screenSettingSchema.parse({ kind: 'arrivals', languages: ['de', 'en'], pageSeconds: 15 })).toMatchObject({ languages: ['de', 'en'] });
    expect(screenSettingSchema.safeParse({ kind: 'arrivals', languages: ['xx'] }).success).toBe(false);
    expect(screenSettingSchema.safeParse({ kind: 'arrivals', languages: ['de', 'de'] }).success).toBe(false);
    expect(screenSettingSchema.safeParse({ kind: 'arrivals', languages: [] }).success).toBe(false);
    expect(screenSettingSchema.safeParse({ kind: 'arrivals', pageSeconds: 2 }).success).toBe(false);
    expect(screenSettingSchema.safeParse({ kind: 'arrivals', pageSeconds: 4.5 }).success).toBe(false);
    expect(screenSettingSchema.safeParse({ kind: 'lounge' }).success).toBe(false);
  });

  it('knows a screen name when it sees one', () => {
    expect(screenNameOrNull('gate-b7')).toBe('gate-b7');
    for (const bad of ['', 'Gate', 'a b', 'x'.repeat(41), 'é']) expect(screenNameOrNull(bad)).toBeNull();
  });
});
