import {
  nothingRecorded,
  parseQuarter,
  quarterTable,
  targetProgress,
  targetsByYear,
  targetYears,
  yearElapsed,
} from './reach-math';
import { EMPTY_REACH, REACH } from './reach-fixtures';

describe('reach math', () => {
  it('reads quarters and lays the participants out one row per quarter', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, q: 3 });
    expect(parseQuarter('2026-Q5')).toBeNull();
    const table = quarterTable(REACH.byQuarter);
    expect(table.rows.map((r) => [r.quarter, r.total])).toEqual([
      ['2026-Q1', 5],
      ['2026-Q2', 42],
    ]);
    expect(table.categories).toEqual(['officers', 'students_researchers']);
    expect(table.rows[0].counts.students_researchers).toBe(0);
    expect(table.total).toBe(47);
  });

  it('tells actual from target honestly: met, missed, behind, on track, upcoming, none', () => {
    const asOf = '2026-07-01T09:00:00Z';
    expect(yearElapsed({ year: 2026, month: 7, day: 1 })).toBeCloseTo(182 / 365);
    expect(targetProgress(5, 20, 2026, asOf)).toMatchObject({ state: 'behind', share: 25, remaining: 15, expected: 9 });
    expect(targetProgress(12, 20, 2026, asOf)).toMatchObject({
      state: 'onTrack',
      share: 60,
      remaining: 8,
      expected: 9,
    });
    expect(targetProgress(3, 4, 2025, asOf)).toMatchObject({ state: 'missed', remaining: 1, share: 75 });
    expect(targetProgress(4, 4, 2025, asOf)).toMatchObject({ state: 'met', remaining: 0 });
    expect(targetProgress(0, 5, 2027, asOf)).toMatchObject({ state: 'upcoming', remaining: 5 });
    expect(targetProgress(7, null, 2026, asOf)).toMatchObject({ state: 'none', share: null });
    expect(targetProgress(0, 0, 2026, asOf)).toMatchObject({ state: 'met', share: null });
  });

  it('groups targets by year, latest first, and offers the years around the current one', () => {
    expect(targetsByYear(REACH.targets).map((y) => y.year)).toEqual([2026, 2025]);
    expect(targetYears(REACH.targets, 2026)).toEqual([2025, 2026, 2027, 2028]);
    expect(targetYears([{ ...REACH.targets[0], year: 2022 }], 2026)).toEqual([2022, 2025, 2026, 2027, 2028]);
  });

  it('knows when nothing has been recorded', () => {
    expect(nothingRecorded(EMPTY_REACH)).toBe(true);
    expect(nothingRecorded(REACH)).toBe(false);
  });
});
