import { wholeDaysSince } from './msd-locale';

describe('wholeDaysSince', () => {
  const now = Date.parse('2026-12-04T12:00:00Z');

  it('counts whole days, rounding down, never below 0', () => {
    expect(wholeDaysSince('2026-12-01T13:00:00Z', now)).toBe(2);
    expect(wholeDaysSince('2026-12-04T11:00:00Z', now)).toBe(0);
    expect(wholeDaysSince('2026-12-05T11:00:00Z', now)).toBe(0);
  });

  it('is null without an instant', () => {
    expect(wholeDaysSince(null, now)).toBeNull();
    expect(wholeDaysSince(undefined, now)).toBeNull();
  });
});
