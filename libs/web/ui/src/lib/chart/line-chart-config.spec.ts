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
});
