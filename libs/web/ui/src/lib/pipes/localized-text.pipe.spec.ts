import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@marsad/contracts';
import { MSD_LOCALE } from '../locale/msd-locale';
import { LocalizedTextLangPipe, LocalizedTextPipe } from './localized-text.pipe';

describe('LocalizedTextPipe', () => {
  const locale = signal<Locale>('ar');

  beforeEach(() => {
    locale.set('ar');
    TestBed.configureTestingModule({
      providers: [LocalizedTextPipe, LocalizedTextLangPipe, { provide: MSD_LOCALE, useValue: locale }],
    });
  });

  it('picks the text in the current locale and follows a language change', () => {
    const pipe = TestBed.inject(LocalizedTextPipe);
    const text = { ar: 'إجراء', fr: 'Mesure', en: 'Measure' };
    expect(pipe.transform(text)).toBe('إجراء');
    locale.set('en');
    expect(pipe.transform(text)).toBe('Measure');
  });

  it('falls back to French, then Arabic, when the locale is missing or blank', () => {
    const pipe = TestBed.inject(LocalizedTextPipe);
    locale.set('en');
    expect(pipe.transform({ ar: 'نص', fr: 'Texte', en: '  ' })).toBe('Texte');
    expect(pipe.transform({ ar: 'نص' })).toBe('نص');
    expect(TestBed.inject(LocalizedTextLangPipe).transform({ ar: 'نص' })).toBe('ar');
  });

  it('returns an empty string for nothing', () => {
    const pipe = TestBed.inject(LocalizedTextPipe);
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform({})).toBe('');
  });
});
