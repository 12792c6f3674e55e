import { BidiIsolatePipe, FSI, isolateText, PDI } from './bidi';

describe('isolateText', () => {
  it('wraps a name in first-strong isolate … pop isolate, so its direction stays its own', () => {
    expect(isolateText('Finances (MEF)')).toBe(`${FSI}Finances (MEF)${PDI}`);
    expect(new BidiIsolatePipe().transform('HCP')).toBe('\u2068HCP\u2069');
  });

  it('leaves nothing as nothing', () => {
    expect(isolateText('')).toBe('');
    expect(isolateText(null)).toBe('');
    expect(isolateText(undefined)).toBe('');
  });
});
