import { isLanguage, type Language } from './languages';

/** The languages `?lang=en,de` names, known ones only, each once, in its order; null when it names none. */
export function languagesFromParam(param: string | null | undefined): Language[] | null {
  if (!param) return null;
  const named = param
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(isLanguage);
  return named.length ? [...new Set(named)] : null;
}

/** The language of an `Accept-Language` header the screens speak best (by q, then order), else null. */
export function languageFromAcceptHeader(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((param) => param.trim()).find((param) => param.startsWith('q='))?.slice(2) ?? 1);
      return { base: tag.trim().toLowerCase().split('-')[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0 && isLanguage(entry.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const best = ranked[0]?.base;
  return best && isLanguage(best) ? best : null;
}

/** The languages a page speaks (CONTRACT section 11): `?lang=`, else the browser's choice among ours, else English. */
export function pickLanguages(param: string | null | undefined, acceptLanguage: string | null | undefined): Language[] {
  return languagesFromParam(param) ?? [languageFromAcceptHeader(acceptLanguage) ?? 'en'];
}
