import { buildLineChartConfig } from './line-chart-config';

const base = {
  labels: ['2026-01-01', '2026-01-02'],
  series: [
    { label: 'Score', data: [30, 31.5], color: '#1b6b3a' },
    { label: 'Jeux', data: [1200, null], color: '#1f63c6', axis: 'secondary' as const },
  ],
  primaryMax: 100,
};

describe('buildLineChartConfig', () => {
  it('in Arabic runs time right to left, the primary axis on the right, the secondary on the left', () => {
    const { options } = buildLineChartConfig({ ...base, locale: 'ar' });
    const scales = options?.scales as Record<string, { reverse?: boolean; position?: string; max?: number }>;
    expect(scales['x'].reverse).toBe(true);
    expect(scales['y'].position).toBe('right');
    expect(scales['y1'].position).toBe('left');
    expect(scales['y'].max).toBe(100);
    expect(options?.plugins?.legend?.rtl).toBe(true);
  });

  it('in French keeps time left to right and maps each series to its axis', () => {
    const { options, data } = buildLineChartConfig({ ...base, locale: 'fr' });
    const scales = options?.scales as Record<string, { reverse?: boolean; position?: string }>;
    expect(scales['x'].reverse).toBe(false);
    expect(scales['y'].position).toBe('left');
    expect(scales['y1'].position).toBe('right');
    expect(data.datasets.map((d) => (d as { yAxisID?: string }).yAxisID)).toEqual(['y', 'y1']);
    expect(data.datasets[0].borderColor).toBe('#1b6b3a');
  });

  it('has no secondary axis when no series asks for one', () => {
    const { options } = buildLineChartConfig({
      labels: ['a'],
      series: [{ label: 'S', data: [1], color: '#000' }],
      locale: 'en',
    });
    expect(Object.keys(options?.scales ?? {})).toEqual(['x', 'y']);
  });

  it('writes a percentage series’ tooltip in the locale’s percent format, other series as numbers', () => {
    const input = {
      labels: ['a'],
      series: [
        { label: 'Avancement', data: [59.3], color: '#000', percent: true },
        { label: 'Jeux', data: [1200], color: '#111', axis: 'secondary' as const },
      ],
    };
    type Label = (item: { dataset: { label: string }; raw: number; datasetIndex: number }) => string;
    const label = (locale: 'fr' | 'en') =>
      (buildLineChartConfig({ ...input, locale }).options?.plugins?.tooltip?.callbacks as { label: Label }).label;
    expect(label('fr')({ dataset: { label: 'Avancement' }, raw: 59.3, datasetIndex: 0 })).toMatch(
      /^Avancement: 59,3[\u00a0\u202f]%$/,
    );
    expect(label('en')({ dataset: { label: 'Progress' }, raw: 59.3, datasetIndex: 0 })).toBe('Progress: 59.3%');
    expect(label('fr')({ dataset: { label: 'Jeux' }, raw: 1200, datasetIndex: 1 })).toBe('Jeux: 1.200');
  });
});
