'use client';

import { useEffect, useState } from 'react';
import type { Language } from '../i18n/languages';

/** How long each language shows where several alternate (CONTRACT section 11). */
export const LANGUAGE_TURN_MS = 8000;

/**
 * The language a page shows now: the first of `languages`, or each in turn every 8 s when
 * `alternate` (the displays and the wall). `<html lang>` follows it, so a screen reader reads each
 * language as itself.
 */
export function useLanguage(languages: readonly Language[], alternate: boolean): Language {
  const shown = alternate ? languages : languages.slice(0, 1);
  const key = shown.join(',');
  const count = shown.length;
  const [turn, setTurn] = useState({ key, index: 0 });
  const index = turn.key === key ? turn.index % Math.max(1, count) : 0;

  useEffect(() => {
    if (count < 2) return;
    const timer = setInterval(() => setTurn((current) => ({ key, index: current.key === key ? current.index + 1 : 1 })), LANGUAGE_TURN_MS);
    return () => clearInterval(timer);
  }, [key, count]);

  const language = shown[index] ?? 'en';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}
