import { addDays, daysBetween, todayInMorocco } from './today';

describe('todayInMorocco', () => {
  it('is already the next day at 23:30 UTC when Morocco is on UTC+1', () => {
    expect(todayInMorocco(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
    // Across the year end too.
    expect(todayInMorocco(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('is still the same day at 23:30 UTC during Ramadan, when Morocco is on UTC+0', () => {
    // Ramadan 2026: Morocco's clocks go back to UTC+0 from mid-February to late March.
    expect(todayInMorocco(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
  });

  it('is the UTC day earlier in the evening', () => {
    expect(todayInMorocco(new Date('2026-06-15T22:59:00Z'))).toBe('2026-06-15');
  });
});

describe('addDays and daysBetween', () => {
  it('count calendar days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-31', '2027-01-30')).toBe(30);
    expect(daysBetween('2027-01-30', '2026-12-31')).toBe(-30);
  });
});
