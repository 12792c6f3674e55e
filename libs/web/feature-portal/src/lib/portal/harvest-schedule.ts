import type { Locale } from '@marsad/contracts';
import { intlLocale } from '@marsad/web/ui';

/**
 * The harvest schedule (HARVEST_SCHEDULE, a cron expression that croner accepts: five fields, or six
 * with seconds first, or a nickname) in the shapes worth putting into words; anything else is custom.
 * Days of the week count from Sunday (0), as in cron.
 */
export type HarvestSchedule =
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'weekly'; day: number; hour: number; minute: number }
  | { kind: 'hourly'; minute: number }
  | { kind: 'everyMinutes'; every: number }
  | { kind: 'custom'; expression: string };

const NICKNAMES: Record<string, string> = {
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@hourly': '0 * * * *',
};

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A plain number within [min, max], else null (lists, ranges, steps and names are not plain). */
function plain(field: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= min && value <= max ? value : null;
}

/** One day of the week: 0–7 (0 and 7 are Sunday) or its English three-letter name. */
function weekday(field: string): number | null {
  const byName = DAY_NAMES.indexOf(field.toLowerCase());
  if (byName >= 0) return byName;
  const day = plain(field, 0, 7);
  return day === null ? null : day % 7;
}

/** Reads a cron expression into a shape that can be said in words; `custom` for every other one. */
export function parseHarvestSchedule(expression: string): HarvestSchedule {
  const source = expression.trim();
  const custom: HarvestSchedule = { kind: 'custom', expression: source };
  let fields = (NICKNAMES[source.toLowerCase()] ?? source).split(/\s+/);
  if (fields.length === 6) {
    // Seconds first: only "at second 0" reads as the five-field schedule.
    if (plain(fields[0], 0, 0) === null) return custom;
    fields = fields.slice(1);
  }
  if (fields.length !== 5) return custom;
  const [minuteField, hourField, dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfMonth !== '*' || month !== '*') return custom;

  const minute = plain(minuteField, 0, 59);
  const hour = plain(hourField, 0, 23);
  if (dayOfWeek === '*') {
    if (minute !== null && hour !== null) return { kind: 'daily', hour, minute };
    if (minute !== null && hourField === '*') return { kind: 'hourly', minute };
    if (hourField === '*' && minuteField === '*') return { kind: 'everyMinutes', every: 1 };
    const step = /^\*\/(\d{1,2})$/.exec(minuteField);
    // Only steps that divide the hour come back at even intervals (*/7 runs at :56 then at :00).
    if (hourField === '*' && step && Number(step[1]) >= 1 && 60 % Number(step[1]) === 0)
      return { kind: 'everyMinutes', every: Number(step[1]) };
    return custom;
  }
  const day = weekday(dayOfWeek);
  if (day !== null && minute !== null && hour !== null) return { kind: 'weekly', day, hour, minute };
  return custom;
}

/** A time of day as written in the reader's language: 02:30, or 02h30 in French. */
export function formatClock(hour: number, minute: number, locale: Locale): string {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return locale === 'fr' ? `${hh}h${mm}` : `${hh}:${mm}`;
}

/** The name of a day of the week (0 = Sunday) in the reader's language. */
export function weekdayName(day: number, locale: Locale): string {
  // 7 January 2024 was a Sunday.
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 7 + day)),
  );
}

// Literal keys, so the translation check can see them.
export const HARVEST_SCHEDULE_KEYS = {
  daily: 'portal.schedule.daily',
  weekly: 'portal.schedule.weekly',
  hourly: 'portal.schedule.hourly',
  hourlyOnTheHour: 'portal.schedule.hourlyOnTheHour',
  everyMinute: 'portal.schedule.everyMinute',
  everyTwoMinutes: 'portal.schedule.everyTwoMinutes',
  everyFewMinutes: 'portal.schedule.everyFewMinutes',
  everyMinutes: 'portal.schedule.everyMinutes',
  custom: 'portal.schedule.custom',
} as const;

/** A sentence's translation key and its placeholders; for `custom`, the expression is shown beside it. */
export interface ScheduleWords {
  kind: HarvestSchedule['kind'];
  key: string;
  params: Record<string, string>;
  /** The raw expression, for a custom schedule only. */
  expression: string | null;
}

/**
 * The schedule in words for the reader: "every day at 02:30", «tous les jours à 02h30», «كل يوم على
 * الساعة 02:30». Intervals of minutes pick the key Arabic needs for the count (2, 3–10, others).
 */
export function describeHarvestSchedule(expression: string, locale: Locale): ScheduleWords {
  const schedule = parseHarvestSchedule(expression);
  const words = (key: string, params: Record<string, string> = {}): ScheduleWords => ({
    kind: schedule.kind,
    key,
    params,
    expression: null,
  });
  switch (schedule.kind) {
    case 'daily':
      return words(HARVEST_SCHEDULE_KEYS.daily, { time: formatClock(schedule.hour, schedule.minute, locale) });
    case 'weekly':
      return words(HARVEST_SCHEDULE_KEYS.weekly, {
        day: weekdayName(schedule.day, locale),
        time: formatClock(schedule.hour, schedule.minute, locale),
      });
    case 'hourly':
      return schedule.minute === 0
        ? words(HARVEST_SCHEDULE_KEYS.hourlyOnTheHour)
        : words(HARVEST_SCHEDULE_KEYS.hourly, { minute: String(schedule.minute) });
    case 'everyMinutes': {
      const n = schedule.every;
      const key =
        n === 1
          ? HARVEST_SCHEDULE_KEYS.everyMinute
          : n === 2
            ? HARVEST_SCHEDULE_KEYS.everyTwoMinutes
            : n <= 10
              ? HARVEST_SCHEDULE_KEYS.everyFewMinutes
              : HARVEST_SCHEDULE_KEYS.everyMinutes;
      return words(key, { count: String(n) });
    }
    case 'custom':
      return { kind: 'custom', key: HARVEST_SCHEDULE_KEYS.custom, params: {}, expression: schedule.expression };
  }
}
