import type { Language } from './languages';
import { CATALOGS, type MessageKey } from './messages';

/** A message in one language, its `{name}` placeholders filled with the values given (never translated). */
export type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const translators = new Map<Language, Translate>();

/** The translator of one language (made once: the board calls it for every cell). */
export function translator(language: Language): Translate {
  let translate = translators.get(language);
  if (!translate) {
    const catalog = CATALOGS[language];
    translate = (key, values) => (values ? catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : catalog[key]);
    translators.set(language, translate);
  }
  return translate;
}

/** English, for what is said before any language is chosen (logs, tests, announcements' fallbacks). */
export const english = translator('en');
