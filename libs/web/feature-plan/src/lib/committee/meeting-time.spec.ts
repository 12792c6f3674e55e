import { casablancaToIso, formatMeetingTime, isoToCasablanca } from './meeting-time';

describe('meeting times in Moroccan time', () => {
  it('reads a typed time as Casablanca time (UTC+1 most of the year)', () => {
    expect(casablancaToIso('2026-12-01T10:00')).toBe('2026-12-01T09:00:00.000Z');
    expect(isoToCasablanca('2026-12-01T09:00:00.000Z')).toBe('2026-12-01T10:00');
  });

  it('follows the clock change during Ramadan (UTC+0)', () => {
    // Ramadan 2026: the clocks go back to UTC from 15 February to 22 March.
    expect(casablancaToIso('2026-03-01T10:00')).toBe('2026-03-01T10:00:00.000Z');
    expect(isoToCasablanca('2026-03-01T10:00:00.000Z')).toBe('2026-03-01T10:00');
  });

  it('refuses what is not a date and time', () => {
    expect(casablancaToIso('')).toBeNull();
    expect(casablancaToIso('2026-12-01')).toBeNull();
    expect(isoToCasablanca('nope')).toBe('');
  });

  it('shows the time as it is in Rabat, in French and in Arabic with Latin digits', () => {
    const fr = formatMeetingTime('2026-12-01T09:00:00.000Z', 'fr');
    expect(fr).toContain('1 décembre 2026');
    expect(fr).toContain('10:00');
    const ar = formatMeetingTime('2026-12-01T09:00:00.000Z', 'ar');
    expect(ar).toContain('10:00');
    expect(ar).toContain('2026');
    expect(formatMeetingTime(null, 'fr')).toBe('');
  });
});
