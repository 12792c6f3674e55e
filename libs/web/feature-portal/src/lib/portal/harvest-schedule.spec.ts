import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '@marsad/contracts';
import { describeHarvestSchedule, parseHarvestSchedule } from './harvest-schedule';

// The sentences themselves, from the app's translation files, filled as ngx-translate fills them.
const I18N = join(__dirname, '../../../../../../apps/web/public/i18n');
const texts = Object.fromEntries(
  (['ar', 'fr', 'en'] as const).map((l) => [l, JSON.parse(readFileSync(join(I18N, `${l}.json`), 'utf8'))]),
) as Record<Locale, Record<string, unknown>>;

function say(expression: string, locale: Locale): string {
  const words = describeHarvestSchedule(expression, locale);
  const template = words.key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], texts[locale]);
  if (typeof template !== 'string') throw new Error(`no text for ${words.key} in ${locale}`);
  const text = template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => words.params[name] ?? `{{${name}}}`);
  return words.expression ? `${text} ${words.expression}` : text;
}

describe('parseHarvestSchedule', () => {
  it('reads the shapes the configuration allows', () => {
    expect(parseHarvestSchedule('30 2 * * *')).toEqual({ kind: 'daily', hour: 2, minute: 30 });
    expect(parseHarvestSchedule(' 0 30 2 * * * ')).toEqual({ kind: 'daily', hour: 2, minute: 30 });
    expect(parseHarvestSchedule('@daily')).toEqual({ kind: 'daily', hour: 0, minute: 0 });
    expect(parseHarvestSchedule('15 4 * * 1')).toEqual({ kind: 'weekly', day: 1, hour: 4, minute: 15 });
    expect(parseHarvestSchedule('0 3 * * SUN')).toEqual({ kind: 'weekly', day: 0, hour: 3, minute: 0 });
    expect(parseHarvestSchedule('0 3 * * 7')).toEqual({ kind: 'weekly', day: 0, hour: 3, minute: 0 });
    expect(parseHarvestSchedule('5 * * * *')).toEqual({ kind: 'hourly', minute: 5 });
    expect(parseHarvestSchedule('@hourly')).toEqual({ kind: 'hourly', minute: 0 });
    expect(parseHarvestSchedule('*/15 * * * *')).toEqual({ kind: 'everyMinutes', every: 15 });
    expect(parseHarvestSchedule('* * * * *')).toEqual({ kind: 'everyMinutes', every: 1 });
  });

  it('calls anything else custom, with its expression', () => {
    for (const expression of [
      '0 2 1 * *',
      '0 2 * * 1-5',
      '0 */6 * * *',
      '*/7 * * * *',
      '30 2,14 * * *',
      '15 0 2 * * *',
    ])
      expect(parseHarvestSchedule(expression)).toEqual({ kind: 'custom', expression });
  });
});

describe('describeHarvestSchedule', () => {
  it('says a daily schedule in each language', () => {
    expect(say('30 2 * * *', 'en')).toBe('every day at 02:30');
    expect(say('30 2 * * *', 'fr')).toBe('tous les jours à 02h30');
    expect(say('30 2 * * *', 'ar')).toBe('كل يوم على الساعة 02:30');
  });

  it('says a weekly schedule with the day’s name', () => {
    expect(say('0 3 * * 1', 'en')).toBe('every Monday at 03:00');
    expect(say('0 3 * * 1', 'fr')).toBe('chaque lundi à 03h00');
    expect(say('0 3 * * 1', 'ar')).toBe('كل أسبوع يوم الاثنين على الساعة 03:00');
  });

  it('says hourly schedules and intervals of minutes, with the Arabic count’s form', () => {
    expect(say('15 * * * *', 'en')).toBe('every hour at 15 minutes past');
    expect(say('15 * * * *', 'fr')).toBe('toutes les heures à 15 min');
    expect(say('0 * * * *', 'ar')).toBe('على رأس كل ساعة');
    expect(say('*/15 * * * *', 'fr')).toBe('toutes les 15 minutes');
    expect(say('*/15 * * * *', 'ar')).toBe('كل 15 دقيقة');
    expect(say('*/5 * * * *', 'ar')).toBe('كل 5 دقائق');
    expect(say('*/2 * * * *', 'ar')).toBe('كل دقيقتين');
    expect(say('* * * * *', 'en')).toBe('every minute');
  });

  it('labels any other expression a custom schedule and shows it', () => {
    const words = describeHarvestSchedule('0 2 1 * *', 'fr');
    expect(words).toEqual(expect.objectContaining({ kind: 'custom', expression: '0 2 1 * *' }));
    expect(say('0 2 1 * *', 'fr')).toBe('Calendrier personnalisé (expression cron) : 0 2 1 * *');
    expect(say('0 2 1 * *', 'en')).toBe('Custom schedule (cron expression): 0 2 1 * *');
  });
});
