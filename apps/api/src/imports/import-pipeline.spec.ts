import { yesNo } from './import-pipeline';

describe('yesNo: one vocabulary for every import', () => {
  it.each(['oui', 'Oui', 'yes', 'TRUE', '1', 'نعم', ' o ', 'y'])('reads %p as yes', (word) => {
    expect(yesNo(word)).toBe(true);
  });

  it.each(['non', 'NO', 'false', '0', 'لا', 'n'])('reads %p as no', (word) => {
    expect(yesNo(word)).toBe(false);
  });

  it('reads a blank cell as no, unless the column says yes', () => {
    expect(yesNo('')).toBe(false);
    expect(yesNo('  ', { blank: 'no' })).toBe(false);
    expect(yesNo('', { blank: 'yes' })).toBe(true);
    expect(yesNo('non', { blank: 'yes' })).toBe(false);
  });

  it('gives null for anything else', () => {
    expect(yesNo('maybe')).toBeNull();
    expect(yesNo('peut-être', { blank: 'yes' })).toBeNull();
  });
});
