import { isDecimal } from './validators';

describe('isDecimal', () => {
  it('takes finite numbers with at most the given decimals', () => {
    expect(isDecimal(7, 2)).toBe(true);
    expect(isDecimal(7.25, 2)).toBe(true);
    expect(isDecimal(-0.5, 3)).toBe(true);
    expect(isDecimal(1e25, 2)).toBe(true);
  });

  it('refuses more decimals, exponent notation included, and what is not a finite number', () => {
    expect(isDecimal(7.255, 2)).toBe(false);
    expect(isDecimal(3e-323, 2)).toBe(false);
    expect(isDecimal(1e-7, 3)).toBe(false);
    expect(isDecimal(Number.NaN, 2)).toBe(false);
    expect(isDecimal(Number.POSITIVE_INFINITY, 2)).toBe(false);
    expect(isDecimal('7', 2)).toBe(false);
    expect(isDecimal(null, 2)).toBe(false);
  });
});
