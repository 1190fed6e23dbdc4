import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { CATALOGS } from './messages';
import { languageFromAcceptHeader, languagesFromParam, pickLanguages } from './pick-languages';
import { translator } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogs', () => {
  const englishKeys = Object.keys(CATALOGS.en).sort();

  for (const language of LANGUAGES) {
    it(`${language} has every key English has, and no other, each with text and the same placeholders`, () => {
      const catalog = CATALOGS[language];
      expect(Object.keys(catalog).sort()).toEqual(englishKeys);
      for (const key of englishKeys) {
        const text = catalog[key as keyof typeof catalog];
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(CATALOGS.en[key as keyof typeof catalog]));
      }
    });
  }

  it('fills placeholders with values as they are', () => {
    expect(translator('de')('remark.expected', { time: '15:30' })).toBe('Erwartet 15:30');
    expect(translator('fr')('display.gate', { gate: 'B7' })).toBe('Porte B7');
    expect(translator('es')('board.page', { page: 2, pages: 5 })).toBe('Página 2 de 5');
  });
});

describe('picking the languages', () => {
  it('takes ?lang= first: known languages, each once, in order', () => {
    expect(languagesFromParam('de')).toEqual(['de']);
    expect(languagesFromParam('en, DE ,xx,de')).toEqual(['en', 'de']);
    expect(languagesFromParam('xx,yy')).toBeNull();
    expect(pickLanguages('fr,es', 'de')).toEqual(['fr', 'es']);
  });

  it('else the browser’s Accept-Language, best q first, else English', () => {
    expect(languageFromAcceptHeader('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageFromAcceptHeader('it,fr;q=0.5,es;q=0.7')).toBe('es');
    expect(languageFromAcceptHeader('fr;q=0,en;q=0.1')).toBe('en');
    expect(languageFromAcceptHeader('ja,zh;q=0.9')).toBeNull();
    expect(pickLanguages(null, 'ja')).toEqual(['en']);
    expect(pickLanguages('xx', 'es-MX')).toEqual(['es']);
    expect(pickLanguages(undefined, undefined)).toEqual(['en']);
  });
});
