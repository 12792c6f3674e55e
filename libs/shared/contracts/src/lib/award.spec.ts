import { automatedValue, juryValue, rankApplications, type RankingInput } from './award';

const ref = (code: string) => ({ code, name: { ar: code, fr: code, en: code }, type: 'ministry' as const });

describe('the award’s method', () => {
  it('puts automated metrics on the 0–10 scale', () => {
    expect(automatedValue('publication_score', 73.5)).toBe(7.35);
    expect(automatedValue('reuses', 3)).toBe(3);
    expect(automatedValue('reuses', 14)).toBe(10);
    expect(automatedValue('officer_coverage', 50)).toBe(5);
    expect(automatedValue('freshness', null)).toBe(0);
  });

  it('averages the jurors, trimming the highest and lowest from five jurors', () => {
    expect(juryValue([])).toEqual({ value: 0, trimmed: false });
    expect(juryValue([6, 7, 8, 9])).toEqual({ value: 7.5, trimmed: false });
    // 2 and 10 dropped: (6 + 7 + 8) / 3
    expect(juryValue([10, 6, 2, 8, 7])).toEqual({ value: 7, trimmed: true });
  });

  it('ranks by the weighted total, then the automated sub-total, then the earlier application', () => {
    const input: RankingInput = {
      criteria: [
        { id: 'pub', kind: 'automated', weight: 30 },
        { id: 'reuse', kind: 'automated', weight: 20 },
        { id: 'story', kind: 'jury', weight: 30 },
        { id: 'impact', kind: 'jury', weight: 20 },
      ],
      applications: [
        // 30×0.8 + 20×0.5 + 30×0.6 + 20×0.5 = 24 + 10 + 18 + 10 = 62
        {
          institution: ref('A'),
          submittedAt: '2026-03-02T10:00:00Z',
          automated: { pub: 8, reuse: 5 },
          jury: { story: [6], impact: [5] },
        },
        // 30×0.6 + 20×0.5 + 30×0.8 + 20×0.5 = 18 + 10 + 24 + 10 = 62: automated 28 < 34 → after A
        {
          institution: ref('B'),
          submittedAt: '2026-03-01T10:00:00Z',
          automated: { pub: 6, reuse: 5 },
          jury: { story: [8], impact: [5] },
        },
        // Same as A in every value, sent earlier → before A
        {
          institution: ref('C'),
          submittedAt: '2026-03-01T09:00:00Z',
          automated: { pub: 8, reuse: 5 },
          jury: { story: [6], impact: [5] },
        },
        // 30 + 20 + 30 + 20 = 100
        {
          institution: ref('D'),
          submittedAt: '2026-03-03T10:00:00Z',
          automated: { pub: 10, reuse: 10 },
          jury: { story: [10], impact: [10] },
        },
      ],
    };
    const rows = rankApplications(input);
    expect(rows.map((r) => [r.rank, r.institution.code, r.total, r.automatedSubtotal, r.tieBrokenBy])).toEqual([
      [1, 'D', 100, 50, null],
      [2, 'C', 62, 34, 'submittedAt'],
      [3, 'A', 62, 34, 'submittedAt'],
      [4, 'B', 62, 28, 'automated'],
    ]);
  });
});
