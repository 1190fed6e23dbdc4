/** The languages the screens speak (CONTRACT section 11), English first: the fallback. */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The request header proxy.ts sets to the page's first language, for the root layout's `<html lang>`. */
export const LANGUAGE_HEADER = 'x-skyboard-language';

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
