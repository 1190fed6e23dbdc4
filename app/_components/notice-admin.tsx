'use client';

import { useState, type FormEvent } from 'react';
import { adminRequest } from '@/lib/client/admin-request';
import { NOTICE_LEVELS, type Notice, type NoticeLevel } from '@/lib/signage/notice';
import { AdminMessage, adminButton, adminField } from './admin-styles';

const namesIn = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter(Boolean);

/** The active notices with a Clear button each, and a form to post one on every screen or on some. */
export function NoticeAdmin({ token, initialNotices }: { token: string; initialNotices: Notice[] }) {
  const [notices, setNotices] = useState(initialNotices);
  const [text, setText] = useState('');
  const [level, setLevel] = useState<NoticeLevel>('info');
  const [screens, setScreens] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function post(event: FormEvent) {
    event.preventDefault();
    const names = namesIn(screens);
    const answer = await adminRequest<Notice>(token, 'POST', '/api/notices', { text, level, ...(names.length ? { screens: names } : {}) });
    if (!answer.ok) return setMessage({ ok: false, text: answer.message });
    setNotices((current) => [...current, answer.body]);
    setText('');
    setMessage({ ok: true, text: `Posted: ${answer.body.text}` });
  }

  async function clear(notice: Notice) {
    const answer = await adminRequest<undefined>(token, 'DELETE', `/api/notices/${encodeURIComponent(notice.id)}`);
    if (!answer.ok) return setMessage({ ok: false, text: answer.message });
    setNotices((current) => current.filter((candidate) => candidate.id !== notice.id));
    setMessage({ ok: true, text: `Cleared: ${notice.text}` });
  }

  return (
    <section aria-label="Notices" className="flex flex-col gap-6">
      <h2 className="text-lg font-semibold">Notices</h2>
      <ul className="flex flex-col gap-2">
        {notices.length === 0 && <li>No notices are active.</li>}
        {notices.map((notice) => (
          <li key={notice.id} className="flex flex-wrap items-center gap-3">
            <span className={notice.level === 'emergency' ? 'rounded bg-red-800 px-2 font-bold text-white' : 'rounded bg-sky-100 px-2 text-slate-950'}>
              {notice.level}
            </span>
            <span>{notice.text}</span>
            <span className="text-sm text-slate-600 dark:text-slate-300">{notice.screens ? notice.screens.join(', ') : 'every screen'}</span>
            <button type="button" className={adminButton} onClick={() => void clear(notice)} aria-label={`Clear notice: ${notice.text}`}>
              Clear
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={post} aria-label="Post a notice" className="flex max-w-xl flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>Notice text</span>
          <input value={text} onChange={(event) => setText(event.target.value)} required maxLength={280} className={adminField} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Level</span>
          <select value={level} onChange={(event) => setLevel(NOTICE_LEVELS.find((l) => l === event.target.value) ?? level)} className={adminField}>
            <option value="info">Information: a band above the board</option>
            <option value="emergency">Emergency: takes over the whole screen</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Only on these screens (names, separated by commas; empty: every screen)</span>
          <input value={screens} onChange={(event) => setScreens(event.target.value)} className={adminField} />
        </label>
        <button type="submit" className={`${adminButton} self-start`}>Post notice</button>
      </form>
      <AdminMessage message={message} />
    </section>
  );
}
