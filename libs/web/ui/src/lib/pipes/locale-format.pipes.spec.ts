import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@marsad/contracts';
import { MSD_LOCALE } from '../locale/msd-locale';
import { LocalePercentPipe } from './locale-format.pipes';

// One way to write a percentage, the locale's: never a number with a "%" glued on by hand.
describe('LocalePercentPipe (msdPercent)', () => {
  const locale = signal<Locale>('fr');

  beforeEach(() => {
    locale.set('fr');
    TestBed.configureTestingModule({ providers: [LocalePercentPipe, { provide: MSD_LOCALE, useValue: locale }] });
  });

  it('writes a 0–100 figure in French with a no-break space before the sign', () => {
    const pipe = TestBed.inject(LocalePercentPipe);
    expect(pipe.transform(59.3)).toMatch(/^59,3[\u00a0\u202f]%$/);
    expect(pipe.transform(100)).toMatch(/^100[\u00a0\u202f]%$/);
  });

  it('writes it in English without a space', () => {
    const pipe = TestBed.inject(LocalePercentPipe);
    locale.set('en');
    expect(pipe.transform(59.3)).toBe('59.3%');
    expect(pipe.transform(0)).toBe('0%');
  });

  it('writes it in Moroccan Arabic with Latin digits and the sign kept beside the number', () => {
    const pipe = TestBed.inject(LocalePercentPipe);
    locale.set('ar');
    const text = pipe.transform(59.3);
    expect(text).toBe(
      new Intl.NumberFormat('ar-MA-u-nu-latn', { style: 'percent', maximumFractionDigits: 1 }).format(0.593),
    );
    expect(text.replace(/[\u200e\u200f\u061c]/g, '')).toMatch(/^59,3\s?[%٪]$/);
    expect(text).not.toMatch(/[\u0660-\u0669]/);
  });

  it('follows a change of language and writes nothing for no figure', () => {
    const pipe = TestBed.inject(LocalePercentPipe);
    expect(pipe.transform(42.5)).toMatch(/^42,5\s%$/u);
    locale.set('en');
    expect(pipe.transform(42.5)).toBe('42.5%');
    expect(pipe.transform(null)).toBe('');
    expect(pipe.transform(undefined)).toBe('');
  });
});
