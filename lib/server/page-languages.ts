import 'server-only';
import { headers } from 'next/headers';
import { pickLanguages } from '../i18n/pick-languages';

type SearchParams = Record<string, string | string[] | undefined>;

/** The languages a page request asks for: `?lang=`, else its `Accept-Language`, else English. */
export async function requestLanguages(searchParams: SearchParams) {
  const lang = [searchParams.lang].flat()[0];
  return pickLanguages(lang, (await headers()).get('accept-language'));
}
