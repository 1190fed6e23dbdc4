'use client';

import { useState, type FormEvent } from 'react';
import { adminRequest } from '@/lib/client/admin-request';
import { LANGUAGES } from '@/lib/i18n/languages';
import { SCREEN_KINDS, type Screen, type ScreenKind } from '@/lib/signage/screen';

import { AdminMessage, adminButton as button, adminField as field } from './admin-styles';

const KIND_WORDS: Record<ScreenKind, string> = { departures: 'Departures', arrivals: 'Arrivals', gate: 'Gate', belt: 'Baggage belt' };
const needsTarget = (kind: ScreenKind) => kind === 'gate' || kind === 'belt';

/** What a screen shows, in words: "Gate B7", "Departures". */
export const screenShows = (screen: Screen) => (screen.target ? `${KIND_WORDS[screen.kind]} ${screen.target}` : KIND_WORDS[screen.kind]);

interface Draft {
  name: string;
  kind: ScreenKind;
  target: string;
  languages: string[];
  pageSeconds: number;
}

const blankDraft: Draft = { name: '', kind: 'departures', target: '', languages: ['en'], pageSeconds: 10 };
const draftOf = (screen: Screen): Draft => ({ ...screen, target: screen.target ?? '' });

/** The named screens, what each shows, and a form to set one up or change it. */
export function ScreenAdmin({ token, initialScreens }: { token: string; initialScreens: Screen[] }) {
  const [screens, setScreens] = useState(initialScreens);
  const [draft, setDraft] = useState<Draft>(blankDraft);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(method: 'PUT' | 'DELETE', name: string, body?: object) {
    setBusy(true);
    setMessage(null);
    const answer = await adminRequest<Screen>(token, method, `/api/screens/${encodeURIComponent(name)}`, body);
    setBusy(false);
    if (!answer.ok) return setMessage({ ok: false, text: answer.message });
    if (method === 'PUT') {
      const saved = answer.body;
      setScreens((current) => [...current.filter((screen) => screen.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
      setMessage({ ok: true, text: `Saved: ${saved.name} shows ${screenShows(saved)}.` });
    } else {
      setScreens((current) => current.filter((screen) => screen.name !== name));
      setMessage({ ok: true, text: `Removed ${name}.` });
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const { name, kind, target, languages, pageSeconds } = draft;
    void send('PUT', name.trim(), { kind, ...(needsTarget(kind) ? { target } : {}), languages, pageSeconds });
  }

  const toggleLanguage = (language: string, on: boolean) =>
    setDraft((current) => ({
      ...current,
      languages: on ? LANGUAGES.filter((l) => l === language || current.languages.includes(l)) : current.languages.filter((l) => l !== language),
    }));

  return (
    <section aria-label="Screens" className="flex flex-col gap-8">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-lg font-semibold">Screens</caption>
        <thead className="text-slate-600 dark:text-slate-300">
          <tr>
            <th scope="col" className="py-1 pr-4">Name</th>
            <th scope="col" className="py-1 pr-4">Shows</th>
            <th scope="col" className="py-1 pr-4">Languages</th>
            <th scope="col" className="py-1 pr-4">Page</th>
            <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {screens.length === 0 && (
            <tr>
              <td colSpan={5} className="py-2">No screens are set up yet.</td>
            </tr>
          )}
          {screens.map((screen) => (
            <tr key={screen.name} data-screen={screen.name} className="border-t border-slate-300 dark:border-slate-700">
              <td className="py-2 pr-4 font-mono">
                <a href={`/screens/${screen.name}`} className="underline">{screen.name}</a>
              </td>
              <td className="py-2 pr-4">{screenShows(screen)}</td>
              <td className="py-2 pr-4">{screen.languages.join(', ')}</td>
              <td className="py-2 pr-4 tabular-nums">{screen.pageSeconds} s</td>
              <td className="flex gap-2 py-2">
                <button type="button" className={button} onClick={() => setDraft(draftOf(screen))} aria-label={`Edit ${screen.name}`}>Edit</button>
                <button type="button" className={button} disabled={busy} onClick={() => void send('DELETE', screen.name)} aria-label={`Remove ${screen.name}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={save} aria-label="Set up a screen" className="flex max-w-xl flex-col gap-4">
        <h2 className="text-lg font-semibold">Set up or change a screen</h2>
        <label className="flex flex-col gap-1 text-sm">
          <span>Screen name</span>
          <input
            value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} required pattern="[a-z0-9\-]{1,40}"
            title="1 to 40 lower-case letters, digits or dashes" className={field}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Shows</span>
          <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: SCREEN_KINDS.find((kind) => kind === event.target.value) ?? draft.kind })} className={field}>
            {SCREEN_KINDS.map((kind) => (
              <option key={kind} value={kind}>{KIND_WORDS[kind]}</option>
            ))}
          </select>
        </label>
        {needsTarget(draft.kind) && (
          <label className="flex flex-col gap-1 text-sm">
            <span>{draft.kind === 'gate' ? 'Gate' : 'Belt'}</span>
            <input value={draft.target} onChange={(event) => setDraft({ ...draft, target: event.target.value })} required className={field} />
          </label>
        )}
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1">Languages</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="flex items-center gap-1">
              <input type="checkbox" checked={draft.languages.includes(language)} onChange={(event) => toggleLanguage(language, event.target.checked)} />
              {language}
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1 text-sm">
          <span>Seconds per page</span>
          <input
            type="number" min={3} max={300} value={draft.pageSeconds} onChange={(event) => setDraft({ ...draft, pageSeconds: Number(event.target.value) })}
            className={field}
          />
        </label>
        <button type="submit" disabled={busy} className={`${button} self-start`}>Save screen</button>
      </form>
      <AdminMessage message={message} />
    </section>
  );
}
