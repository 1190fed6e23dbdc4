import * as z from '../flights/browser-zod';
import { isoTime } from '../flights/flight-record-schema';
import { compareCodePoints } from '../text/compare';

export const NOTICE_LEVELS = ['info', 'emergency'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/** A message on the screens (CONTRACT section 9); `screens` null: every board and display. */
export interface Notice {
  id: string;
  text: string;
  level: NoticeLevel;
  screens: string[] | null;
  createdAt: string;
}

/** A notice as it travels and as stores keep it, checked wherever one enters. */
export const noticeRecordSchema = z.object({
  id: z.string(),
  text: z.string(),
  level: z.enum(NOTICE_LEVELS),
  screens: z.nullable(z.array(z.string())),
  createdAt: isoTime,
}) satisfies z.ZodMiniType<Notice>;

/** The data of a `noticeCleared`. */
export const noticeClearedSchema = z.object({ id: z.string() });

/**
 * Whether a notice is shown on a page: every page when it names no screens, else only the named
 * screens' pages (`screen` undefined: a board or display that is not a named screen).
 */
export function noticeAppliesTo(notice: Notice, screen: string | undefined): boolean {
  return notice.screens === null || (screen !== undefined && notice.screens.includes(screen));
}

/** Oldest first, the order operators posted them in (a store's hash keeps no order). */
export const byPosting = (a: Notice, b: Notice) => compareCodePoints(a.createdAt, b.createdAt) || compareCodePoints(a.id, b.id);

/** The notices a page shows, oldest first, and the emergency that takes the page over, if any (the newest). */
export function noticesFor(notices: Iterable<Notice>, screen: string | undefined) {
  const shown = [...notices].filter((notice) => noticeAppliesTo(notice, screen)).sort(byPosting);
  return { info: shown.filter((notice) => notice.level === 'info'), emergency: shown.filter((notice) => notice.level === 'emergency').at(-1) ?? null };
}
