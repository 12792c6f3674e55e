import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { Locale } from '@marsad/contracts';
import { MSD_LOCALE } from '../locale/msd-locale';
import { DATE_FIELD_IMPORTS, DATE_INPUT_FORMAT, MsdDateAdapter, provideMsdDates } from './date-adapter';

describe('MsdDateAdapter', () => {
  const locale = signal<Locale>('fr');
  let adapter: MsdDateAdapter;

  beforeEach(() => {
    locale.set('fr');
    TestBed.configureTestingModule({ providers: [provideMsdDates(), { provide: MSD_LOCALE, useValue: locale }] });
    adapter = TestBed.inject(DateAdapter) as MsdDateAdapter;
  });

  it('is what provideMsdDates provides, with dd/MM/yyyy for typing and showing', () => {
    expect(adapter).toBeInstanceOf(MsdDateAdapter);
    expect(TestBed.inject(MAT_DATE_FORMATS).display.dateInput).toBe(DATE_INPUT_FORMAT);
  });

  it.each<Locale>(['fr', 'ar'])('%s: reads 3 December as 03/12/2026 (day first), never as 12 March', (l) => {
    locale.set(l);
    TestBed.tick();
    expect(adapter.parse('03/12/2026')).toBe('2026-12-03');
    expect(adapter.parse('3/12/2026')).toBe('2026-12-03');
    expect(adapter.parse(' 03.12.2026 ')).toBe('2026-12-03');
    expect(adapter.format('2026-12-03', DATE_INPUT_FORMAT)).toBe('03/12/2026');
    // The value a form holds and sends stays the ISO day.
    expect(adapter.toIso8601(adapter.parse('31/01/2027') as string)).toBe('2027-01-31');
  });

  it('ar: reads digits typed on an Arabic keyboard, and shows Latin digits as in Morocco', () => {
    locale.set('ar');
    TestBed.tick();
    expect(adapter.parse('٠٣/١٢/٢٠٢٦')).toBe('2026-12-03');
    expect(adapter.format('2026-12-03', DATE_INPUT_FORMAT)).toBe('03/12/2026');
    expect(adapter.format('2026-12-03', { year: 'numeric', month: 'long', day: 'numeric' })).toMatch(/3.*2026/);
    expect(adapter.getMonthNames('long')[11]).toBe('دجنبر');
  });

  it('reads an ISO day too, and refuses impossible or foreign text', () => {
    expect(adapter.parse('2026-12-03')).toBe('2026-12-03');
    expect(adapter.parse('')).toBeNull();
    expect(adapter.parse(null)).toBeNull();
    for (const bad of ['31/02/2026', '12/13/2026', 'demain', '2026-02-30', '3/12/26']) {
      const parsed = adapter.parse(bad);
      expect(parsed !== null && adapter.isValid(parsed)).toBe(false);
    }
  });

  it("speaks the page's language in the calendar, and follows a change of it", () => {
    expect(adapter.getMonthNames('long')[0]).toBe('janvier');
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getDayOfWeekNames('long')[1]).toBe('lundi');
    const changes = jest.fn();
    adapter.localeChanges.subscribe(changes);
    locale.set('en');
    TestBed.tick();
    expect(changes).toHaveBeenCalled();
    expect(adapter.getMonthNames('long')[0]).toBe('January');
    expect(adapter.format('2026-12-03', { year: 'numeric', month: 'long', day: 'numeric' })).toBe('3 December 2026');
  });

  it('does calendar arithmetic on ISO days', () => {
    expect(adapter.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(adapter.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(adapter.addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(adapter.addCalendarYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(adapter.getNumDaysInMonth('2028-02-01')).toBe(29);
    expect(adapter.getDayOfWeek('2026-12-03')).toBe(4);
    expect(adapter.createDate(2026, 11, 3)).toBe('2026-12-03');
    expect(() => adapter.createDate(2026, 1, 30)).toThrow();
    expect(adapter.compareDate('2026-12-03', '2026-11-30')).toBeGreaterThan(0);
  });

  it('takes form values as ISO days: empty is no date, anything else invalid', () => {
    expect(adapter.deserialize('2026-12-03')).toBe('2026-12-03');
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.isValid(adapter.deserialize('03/12/2026') as string)).toBe(false);
  });
});

@Component({
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, ...DATE_FIELD_IMPORTS],
  providers: [provideMsdDates()],
  template: `<mat-form-field>
    <mat-label>Day</mat-label>
    <input matInput [matDatepicker]="picker" [formControl]="day" />
    <mat-datepicker-toggle matIconSuffix [for]="picker" />
    <mat-datepicker #picker />
  </mat-form-field>`,
})
class DateFieldHost {
  readonly day = new FormControl<string | null>('2026-12-03');
}

describe('a date field with the datepicker', () => {
  function render(locale: Locale) {
    TestBed.configureTestingModule({
      imports: [DateFieldHost],
      providers: [{ provide: MSD_LOCALE, useValue: signal(locale) }],
    });
    const fixture = TestBed.createComponent(DateFieldHost);
    fixture.detectChanges();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    return { fixture, input, control: fixture.componentInstance.day };
  }

  it.each<Locale>(['fr', 'ar'])(
    '%s: shows the ISO day as dd/MM/yyyy and keeps what is typed as an ISO day',
    (locale) => {
      const { fixture, input, control } = render(locale);
      expect(input.type).toBe('text');
      expect(input.value).toBe('03/12/2026');
      input.value = '05/01/2027';
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      expect(control.value).toBe('2027-01-05');
      input.value = '31/02/2027';
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
      expect(control.value).toBeNull();
      expect(control.hasError('matDatepickerParse')).toBe(true);
    },
  );
});
