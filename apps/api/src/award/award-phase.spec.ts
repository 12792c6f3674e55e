import { canonicalJson, editionPhase, resultsHash } from './award-phase';

describe('an edition’s phase', () => {
  const timeline = {
    callOpensOn: '2026-04-15',
    applicationsCloseAt: new Date('2026-05-31T22:59:00Z'),
    scoringOpensOn: '2026-06-09',
    scoringClosesAt: new Date('2026-06-30T22:59:00Z'),
  };
  const at = (iso: string) => editionPhase(timeline, false, new Date(iso));

  it('follows the timeline on Morocco’s calendar and at the deadline’s instant', () => {
    expect(at('2026-04-14T22:59:00Z')).toBe('upcoming');
    // 23:00 UTC on 14 April is already 15 April in Morocco (UTC+1 outside Ramadan).
    expect(at('2026-04-14T23:00:00Z')).toBe('open');
    expect(at('2026-05-31T22:58:59Z')).toBe('open');
    expect(at('2026-05-31T22:59:00Z')).toBe('closed');
    expect(at('2026-06-08T12:00:00Z')).toBe('closed');
    expect(at('2026-06-09T12:00:00Z')).toBe('scoring');
    expect(at('2026-06-30T22:59:00Z')).toBe('scored');
    expect(editionPhase(timeline, true, new Date('2026-07-02T00:00:00Z'))).toBe('published');
  });
});

describe('the results’ hash', () => {
  it('does not depend on the order of keys, as PostgreSQL’s jsonb reorders them', () => {
    const rows = [{ rank: 1, institution: { code: 'MEF', name: { fr: 'x', ar: 'y' } }, total: 81.5 }];
    const reordered = [{ total: 81.5, institution: { name: { ar: 'y', fr: 'x' }, code: 'MEF' }, rank: 1 }];
    expect(canonicalJson(reordered)).toBe(
      '[{"institution":{"code":"MEF","name":{"ar":"y","fr":"x"}},"rank":1,"total":81.5}]',
    );
    expect(resultsHash(reordered)).toBe(resultsHash(rows));
    expect(resultsHash(rows)).toMatch(/^[0-9a-f]{64}$/);
    expect(resultsHash([{ ...rows[0], total: 81.4 }])).not.toBe(resultsHash(rows));
  });
});
