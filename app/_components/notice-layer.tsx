'use client';

import { useId, type ReactNode } from 'react';
import { english, type Translate } from '@/lib/i18n/translate';
import { noticesFor, type Notice } from '@/lib/signage/notice';

/** Info notices: a band above what the page shows, announced politely as they come. */
function NoticeBand({ notices, large }: { notices: Notice[]; large: boolean }) {
  return (
    <section aria-label="Notices" aria-live="polite" className="flex flex-col gap-2">
      {notices.map((notice) => (
        <p
          key={notice.id}
          data-notice-id={notice.id}
          className={`rounded border-l-8 border-sky-600 bg-sky-100 font-semibold text-slate-950 ${large ? 'px-6 py-4 text-3xl sm:text-4xl' : 'px-4 py-2 text-base'}`}
        >
          {notice.text}
        </p>
      ))}
    </section>
  );
}

/** An emergency takes the whole screen: white on deep red, read out at once, over everything. */
function EmergencyTakeover({ notice, footer, t }: { notice: Notice; footer: ReactNode; t: Translate }) {
  const headingId = useId();
  return (
    <div className="fixed inset-0 z-50 flex flex-col justify-between gap-8 overflow-auto bg-red-800 p-6 text-white sm:p-12">
      {/* Named, so it is told apart from Next's route announcer, the page's other alert. */}
      <div role="alert" aria-labelledby={headingId} data-notice-id={notice.id} className="flex flex-col gap-6">
        <p id={headingId} className="text-5xl font-black uppercase tracking-wide sm:text-8xl">{t('notice.emergency')}</p>
        <p className="text-3xl font-bold leading-tight sm:text-6xl">{notice.text}</p>
      </div>
      <div className="text-white">{footer}</div>
    </div>
  );
}

/**
 * What every board and display page wraps its content in: the info notices that apply to it above
 * it, or, while an emergency applies, the emergency instead of it (the content stays mounted, and
 * live, but hidden). `screen`: the named screen this page is, if it is one. `footer`: the
 * connection state, shown on the emergency too, so an old emergency never looks current.
 */
export function NoticeLayer({
  notices,
  screen,
  large = false,
  footer,
  t = english,
  children,
}: {
  notices: Iterable<Notice>;
  screen?: string;
  large?: boolean;
  footer: ReactNode;
  /** The language of the page's own words (the notice's text is the operator's). */
  t?: Translate;
  children: ReactNode;
}) {
  const { info, emergency } = noticesFor(notices, screen);
  return (
    <>
      {emergency && <EmergencyTakeover notice={emergency} footer={footer} t={t} />}
      {/* `contents`: the wrapper takes no part in the page's layout; it is only there to be hidden. */}
      <div hidden={emergency !== null} className="contents">
        {info.length > 0 && <NoticeBand notices={info} large={large} />}
        {children}
      </div>
    </>
  );
}
