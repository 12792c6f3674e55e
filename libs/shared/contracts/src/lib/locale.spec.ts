import { negotiateLocale, pickText } from './locale';

describe('negotiateLocale', () => {
  it('takes the highest-ranked supported language', () => {
    expect(negotiateLocale('de-DE,ar-MA;q=0.9,fr;q=0.8')).toBe('ar');
    expect(negotiateLocale('en;q=0.5,fr;q=0.9')).toBe('fr');
  });
  it('returns null when nothing is supported or the header is empty', () => {
    expect(negotiateLocale('de,es')).toBeNull();
    expect(negotiateLocale('')).toBeNull();
    expect(negotiateLocale(undefined)).toBeNull();
  });
  it('ignores languages refused with q=0', () => {
    expect(negotiateLocale('ar;q=0,en')).toBe('en');
  });
});

describe('pickText', () => {
  it('prefers the reader locale and falls back to French, Arabic, English', () => {
    expect(pickText({ ar: 'نص', fr: 'texte' }, 'ar')).toEqual({ text: 'نص', locale: 'ar' });
    expect(pickText({ ar: 'نص', fr: 'texte' }, 'en')).toEqual({ text: 'texte', locale: 'fr' });
    expect(pickText({ en: 'text', fr: '  ' }, 'fr')).toEqual({ text: 'text', locale: 'en' });
    expect(pickText({}, 'fr')).toBeNull();
  });
});
