import { trendSummary } from './progress-trend';

describe('trendSummary', () => {
  it('gives the first and last known figures and the change, skipping unknown days', () => {
    expect(
      trendSummary([
        { day: '2026-12-01', progress: null },
        { day: '2026-12-02', progress: 12.3 },
        { day: '2026-12-03', progress: null },
        { day: '2026-12-04', progress: 20 },
      ]),
    ).toEqual({
      first: { day: '2026-12-02', progress: 12.3 },
      last: { day: '2026-12-04', progress: 20 },
      change: 7.7,
    });
  });

  it('is null with fewer than two known figures (the chart shows a note instead)', () => {
    expect(trendSummary([])).toBeNull();
    expect(trendSummary([{ day: '2026-12-04', progress: 42 }])).toBeNull();
    expect(
      trendSummary([
        { day: '2026-12-03', progress: null },
        { day: '2026-12-04', progress: 42 },
      ]),
    ).toBeNull();
  });
});
