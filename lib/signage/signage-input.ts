import { z } from 'zod';
import { singleLineText } from '../flights/flight-schema';
import { PLACE } from '../flights/place';
import { LANGUAGES } from '../i18n/languages';
import { NOTICE_LEVELS } from './notice';
import { SCREEN_KINDS, SCREEN_NAME } from './screen';

/** Fields of a notice a client may know but never write. */
export const NOTICE_READ_ONLY_FIELDS: Readonly<Record<string, string>> = {
  id: 'is given by the server; leave it out',
  createdAt: 'is set by the server; leave it out',
};

/** Fields of a screen a client may know but never write. */
export const SCREEN_READ_ONLY_FIELDS: Readonly<Record<string, string>> = {
  name: 'comes from the path; leave it out',
  updatedAt: 'is set by the server; leave it out',
};

const screenName = z.string().regex(SCREEN_NAME, 'must be 1 to 40 lower-case letters, digits or dashes, such as gate-b7');

/** The body of `POST /api/notices` (CONTRACT section 9). */
export const newNoticeSchema = z.strictObject({
  text: singleLineText(280),
  level: z.enum(NOTICE_LEVELS),
  screens: z
    .array(screenName)
    .min(1, 'must name at least one screen; leave it out to reach every screen')
    .max(100, 'must name at most 100 screens')
    .transform((names) => [...new Set(names)])
    .optional(),
});
export type NewNotice = z.infer<typeof newNoticeSchema>;

/** The body of `PUT /api/screens/{name}` (CONTRACT section 8). */
export const screenSettingSchema = z
  .strictObject({
    kind: z.enum(SCREEN_KINDS),
    target: singleLineText(8).regex(PLACE, 'must be a gate or belt such as B7: up to 8 letters, digits, spaces, dots or dashes').optional(),
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1, 'must name at least one language')
      .refine((languages) => new Set(languages).size === languages.length, 'must not name a language twice')
      .optional(),
    pageSeconds: z.number().int('must be a whole number of seconds').min(3, 'must be at least 3').max(300, 'must be at most 300').optional(),
  })
  .superRefine((setting, context) => {
    const needsTarget = setting.kind === 'gate' || setting.kind === 'belt';
    if (needsTarget && setting.target === undefined) {
      context.addIssue({ code: 'custom', path: ['target'], message: `must name the ${setting.kind} this screen shows` });
    }
    if (!needsTarget && setting.target !== undefined) {
      context.addIssue({ code: 'custom', path: ['target'], message: `must be left out: a ${setting.kind} screen shows the whole board` });
    }
  });
export type ScreenSetting = z.infer<typeof screenSettingSchema>;

/** A screen's name from a path, or null when it is not one a screen may have. */
export const screenNameOrNull = (raw: string): string | null => (SCREEN_NAME.test(raw) ? raw : null);
