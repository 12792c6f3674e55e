import { summarizeBars, summarizeLines } from './chart-summary';

/** Without the isolation marks, the locale's direction marks and with plain spaces. */
const plain = (text: string) => text.replace(/[\u2068\u2069\u200e]/g, '').replace(/[\u202f\u00a0]/g, ' ');
const unwrap = (sentences: { key: string; params: Record<string, string> }[]) =>
  sentences.map((s) => ({
    key: s.key,
    params: Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, plain(v)])),
  }));

describe('chart summaries', () => {
  it('says the highest and lowest bar of each series, by full name, in the locale’s format', () => {
    const sentences = summarizeBars(
      [
        { label: 'Avancement', data: [59.25, null, 12, 80] },
        { label: 'Vide', data: [null, null, null, null] },
      ],
      ['Mesure 1', 'Mesure 2', 'Mesure 3', 'Mesure 4'],
      'fr',
      true,
    );
    expect(unwrap(sentences)).toEqual([
      {
        key: 'chart.summary.bar',
        params: { series: 'Avancement', max: '80 %', maxLabel: 'Mesure 4', min: '12 %', minLabel: 'Mesure 3' },
      },
    ]);
    // Names are isolated so that Latin names keep their order in an Arabic sentence.
    expect(sentences[0].params['maxLabel']).toBe('\u2068Mesure 4\u2069');
    expect(unwrap(summarizeBars([{ label: 'S', data: [3, 3] }], ['a', 'b'], 'en'))).toEqual([
      { key: 'chart.summary.barEqual', params: { series: 'S', value: '3' } },
    ]);
  });

  it('says where each line starts, ends and peaks', () => {
    const sentences = summarizeLines(
      [
        { label: 'Score', data: [null, 40, 75.5, 60], percent: true },
        { label: 'Jeux', data: [1200, null, null, null] },
      ],
      ['janv.', 'févr.', 'mars', 'avr.'],
      'ar',
    );
    expect(unwrap(sentences)).toEqual([
      {
        key: 'chart.summary.line',
        params: {
          series: 'Score',
          first: '40%',
          firstLabel: 'févr.',
          last: '60%',
          lastLabel: 'avr.',
          max: '75,5%',
          maxLabel: 'mars',
        },
      },
      { key: 'chart.summary.point', params: { series: 'Jeux', value: '1.200', label: 'janv.' } },
    ]);
    // A series that ends at its highest (even one reached before) says so once.
    expect(
      unwrap(summarizeLines([{ label: 'P', data: [19.4, 58.9, 58.9], percent: true }], ['a', 'b', 'c'], 'en')),
    ).toEqual([
      {
        key: 'chart.summary.lineToHighest',
        params: { series: 'P', first: '19.4%', firstLabel: 'a', last: '58.9%', lastLabel: 'c' },
      },
    ]);
  });
});
