import { formatDate, formatPercent, formatRelativeTime } from './msd-locale';

describe('locale formatting', () => {
  it('formats calendar days without shifting them, in the reader language', () => {
    expect(formatDate('2022-08-03', 'fr')).toBe('3 août 2022');
    expect(formatDate('2022-08-03', 'en')).toBe('3 August 2022');
    expect(formatDate('2022-08-03', 'ar')).toContain('2022');
    expect(formatDate('2022-08-03', 'ar')).not.toMatch(/[\u0660-\u0669]/);
  });
  it('writes percentages from 0–100 figures', () => {
    expect(formatPercent(42.5, 'en')).toBe('42.5%');
    expect(formatPercent(null, 'en')).toBe('');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2026-05-10T12:00:00Z');
  it('says how long ago a recent instant was, in the reader language', () => {
    expect(formatRelativeTime('2026-05-10T11:59:40Z', 'en', now)).toBe('now');
    expect(formatRelativeTime('2026-05-10T11:55:00Z', 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-05-10T09:00:00Z', 'fr', now)).toBe('il y a 3 heures');
    expect(formatRelativeTime('2026-05-09T11:00:00Z', 'en', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-05-07T11:00:00Z', 'ar', now)).not.toMatch(/[\u0660-\u0669]/);
  });
  it('shows the short date of older instants, and nothing without one', () => {
    expect(formatRelativeTime('2026-04-01T10:00:00Z', 'fr', now)).toBe('01/04/2026');
    expect(formatRelativeTime(null, 'fr', now)).toBe('');
  });
});
