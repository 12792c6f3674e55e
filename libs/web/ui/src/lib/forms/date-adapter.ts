import { effect, inject, Injectable, untracked, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, type MatDateFormats } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import type { IsoDate, Locale } from '@marsad/contracts';
import { intlLocale, MSD_LOCALE } from '../locale/msd-locale';

/** How a day is typed and shown in a date field, whatever the browser's language: the page's. */
export const DATE_INPUT_FORMAT = 'dd/MM/yyyy';

export const MSD_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: DATE_INPUT_FORMAT },
  display: {
    dateInput: DATE_INPUT_FORMAT,
    monthLabel: { month: 'short' },
    monthYearLabel: { year: 'numeric', month: 'short' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 3/12/2026, 03/12/2026, 03.12.2026, 03-12-2026: day, month, year (as written in Morocco and France). */
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const INVALID = 'invalid';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Eastern Arabic (٠–٩) and Persian (۰–۹) digits typed on an Arabic keyboard, as Latin ones. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (month < 0 || month > 11 || day < 1 || day > daysInMonth(year, month) || year < 1 || year > 9999) return null;
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(day)}`;
}

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);

/**
 * Angular Material's datepicker on ISO calendar days: a field's value is the `yyyy-MM-dd` string
 * the API takes (or null), never a Date, so forms send what they always sent. The field shows and
 * reads dd/MM/yyyy, and the calendar speaks the page's language (MSD_LOCALE, i.e. LocaleService),
 * not the browser's. Typed ISO days (2026-12-03) are read too.
 */
@Injectable()
export class MsdDateAdapter extends DateAdapter<IsoDate, Locale> {
  private readonly pageLocale = inject(MSD_LOCALE);

  constructor() {
    super();
    this.locale = this.pageLocale();
    // The calendar follows a change of language.
    effect(() => {
      const locale = this.pageLocale();
      untracked(() => {
        if (locale !== this.locale) this.setLocale(locale);
      });
    });
  }

  private get intl(): string {
    return intlLocale(this.locale ?? 'fr');
  }

  getYear(date: IsoDate): number {
    return Number(date.slice(0, 4));
  }
  getMonth(date: IsoDate): number {
    return Number(date.slice(5, 7)) - 1;
  }
  getDate(date: IsoDate): number {
    return Number(date.slice(8, 10));
  }
  getDayOfWeek(date: IsoDate): number {
    return utc(date).getUTCDay();
  }
  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat(this.intl, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2017, m, 1))));
  }
  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat(this.intl, { weekday: style, timeZone: 'UTC' });
    // 1 January 2017 was a Sunday: index 0 is Sunday, as Material expects.
    return Array.from({ length: 7 }, (_, d) => format.format(new Date(Date.UTC(2017, 0, 1 + d))));
  }
  getYearName(date: IsoDate): string {
    return String(this.getYear(date));
  }
  /** Weeks start on Monday in Morocco. */
  getFirstDayOfWeek(): number {
    return 1;
  }
  getNumDaysInMonth(date: IsoDate): number {
    return daysInMonth(this.getYear(date), this.getMonth(date));
  }
  clone(date: IsoDate): IsoDate {
    return date;
  }
  createDate(year: number, month: number, date: number): IsoDate {
    const iso = isoOf(year, month, date);
    if (!iso) throw Error(`Invalid date ${year}-${month + 1}-${date}`);
    return iso;
  }
  today(): IsoDate {
    const now = new Date();
    return isoOf(now.getFullYear(), now.getMonth(), now.getDate()) as IsoDate;
  }

  /** dd/MM/yyyy (or d/M/yyyy, with dots or dashes), or an ISO day; '' is no date; anything else is invalid. */
  parse(value: unknown): IsoDate | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') return this.invalid();
    const text = latinDigits(value.trim());
    if (!text) return null;
    const iso = ISO_DAY.exec(text);
    if (iso) return isoOf(+iso[1], +iso[2] - 1, +iso[3]) ?? this.invalid();
    const typed = TYPED_DAY.exec(text);
    if (typed) return isoOf(+typed[3], +typed[2] - 1, +typed[1]) ?? this.invalid();
    return this.invalid();
  }

  format(date: IsoDate, displayFormat: unknown): string {
    if (!this.isValid(date)) throw Error('MsdDateAdapter: cannot format an invalid date.');
    if (displayFormat === DATE_INPUT_FORMAT || typeof displayFormat !== 'object' || !displayFormat) {
      return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    }
    return new Intl.DateTimeFormat(this.intl, {
      ...(displayFormat as Intl.DateTimeFormatOptions),
      timeZone: 'UTC',
    }).format(utc(date));
  }

  addCalendarYears(date: IsoDate, years: number): IsoDate {
    return this.addCalendarMonths(date, years * 12);
  }
  /** Like the native adapter: the same day of the month, or the month's last when it has fewer. */
  addCalendarMonths(date: IsoDate, months: number): IsoDate {
    const index = this.getYear(date) * 12 + this.getMonth(date) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12;
    return isoOf(year, month, Math.min(this.getDate(date), daysInMonth(year, month))) as IsoDate;
  }
  addCalendarDays(date: IsoDate, days: number): IsoDate {
    return new Date(utc(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  }
  toIso8601(date: IsoDate): string {
    return date;
  }
  isDateInstance(obj: unknown): boolean {
    return typeof obj === 'string';
  }
  isValid(date: IsoDate): boolean {
    const iso = ISO_DAY.exec(date);
    return !!iso && isoOf(+iso[1], +iso[2] - 1, +iso[3]) === date;
  }
  invalid(): IsoDate {
    return INVALID;
  }
  /** Values from forms and the API: ISO days; '' is no date. */
  override deserialize(value: unknown): IsoDate | null {
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'string' && this.isValid(value)) return value;
    return this.invalid();
  }
}

/** The providers of a component with date fields: the adapter and its formats. */
export function provideMsdDates(): Provider[] {
  return [
    { provide: DateAdapter, useClass: MsdDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MSD_DATE_FORMATS },
  ];
}

/** What a template with date fields imports: `<input [matDatepicker]>`, its toggle and its calendar. */
export const DATE_FIELD_IMPORTS = [MatDatepickerInput, MatDatepickerToggle, MatDatepicker] as const;
