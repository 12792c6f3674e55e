import { buildBarChartConfig } from './bar-chart-config';

const base = {
  labels: ['1', '2'],
  series: [{ label: 'Achevée', data: [1234, 2], color: '#2e7d32' }],
  horizontal: true,
  stacked: true,
};

describe('buildBarChartConfig', () => {
  it('in Arabic reverses the x axis, puts the y axis on the right and reads legend and tooltip RTL', () => {
    const { options } = buildBarChartConfig({ ...base, locale: 'ar' });
    const scales = options?.scales as Record<string, { reverse?: boolean; position?: string; stacked?: boolean }>;
    expect(scales['x'].reverse).toBe(true);
    expect(scales['y'].position).toBe('right');
    expect(options?.plugins?.legend?.rtl).toBe(true);
    expect(options?.plugins?.tooltip?.rtl).toBe(true);
    expect(options?.indexAxis).toBe('y');
    expect(scales['x'].stacked).toBe(true);
  });

  it('in French keeps the x axis left to right and the y axis on the left', () => {
    const { options } = buildBarChartConfig({ ...base, locale: 'fr' });
    const scales = options?.scales as Record<string, { reverse?: boolean; position?: string }>;
    expect(scales['x'].reverse).toBe(false);
    expect(scales['y'].position).toBe('left');
    expect(options?.plugins?.legend?.rtl).toBe(false);
  });

  it('formats value-axis ticks for the locale (Latin digits in Moroccan Arabic)', () => {
    const ar = buildBarChartConfig({ ...base, locale: 'ar' }).options?.scales?.['x']?.ticks as {
      callback: (v: number) => string;
    };
    const fr = buildBarChartConfig({ ...base, locale: 'fr' }).options?.scales?.['x']?.ticks as {
      callback: (v: number) => string;
    };
    expect(ar.callback(1234.5)).toMatch(/^1[.,\u202f\u00a0]?234,5$/);
    expect(ar.callback(1234.5)).not.toMatch(/[\u0660-\u0669]/);
    // fr-MA groups thousands with a dot, as written in Morocco.
    expect(fr.callback(1234.5)).toBe('1.234,5');
  });

  it('sets colours on every dataset itself (no Colors plugin)', () => {
    const { data } = buildBarChartConfig({ ...base, locale: 'en' });
    expect(data.datasets[0].backgroundColor).toBe('#2e7d32');
  });

  it('for percentages runs the value axis 0–100 and writes ticks and tooltips in the locale’s percent format', () => {
    const input = {
      labels: ['M1', 'M2'],
      series: [{ label: 'Avancement', data: [59.3, null], color: '#1f63c6' }],
      horizontal: true,
      tooltipTitles: ['1. Mesure une', '2. Mesure deux'],
      percent: true,
    };
    const fr = buildBarChartConfig({ ...input, locale: 'fr' });
    const x = fr.options?.scales?.['x'] as { min?: number; max?: number; ticks: { callback: (v: number) => string } };
    expect([x.min, x.max]).toEqual([0, 100]);
    expect(x.ticks.callback(50)).toMatch(/^50[\u00a0\u202f]%$/);
    const callbacks = fr.options?.plugins?.tooltip?.callbacks as {
      title: (items: { dataIndex: number }[]) => string;
      label: (item: { dataset: { label: string }; raw: number }) => string;
    };
    expect(callbacks.title([{ dataIndex: 1 }])).toBe('2. Mesure deux');
    expect(callbacks.label({ dataset: { label: 'Avancement' }, raw: 59.3 })).toMatch(
      /^Avancement: 59,3[\u00a0\u202f]%$/,
    );
    const en = buildBarChartConfig({ ...input, locale: 'en' }).options?.plugins?.tooltip?.callbacks as typeof callbacks;
    expect(en.label({ dataset: { label: 'Progress' }, raw: 59.3 })).toBe('Progress: 59.3%');
    // Arabic: the value axis runs right to left, up to 100.
    const ar = buildBarChartConfig({ ...input, locale: 'ar' }).options?.scales?.['x'] as {
      reverse?: boolean;
      max?: number;
    };
    expect(ar).toEqual(expect.objectContaining({ reverse: true, max: 100 }));
  });
});
