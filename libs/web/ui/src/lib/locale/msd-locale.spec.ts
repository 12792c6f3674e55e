import { formatDate, formatPercent } from './msd-locale';

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
