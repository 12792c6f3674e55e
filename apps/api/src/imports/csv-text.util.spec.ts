import { parseCsvText } from './csv-text.util';

describe('parseCsvText', () => {
  it('splits on commas, keeps quoted commas, quotes and line breaks, and skips blank lines', () => {
    const text = '\uFEFFcode,name_fr\r\n01,"Tanger, Tétouan"\n\n02,"Le ""Grand"" Casablanca"\n03,"Deux\nlignes"\n04,';
    expect(parseCsvText(text)).toEqual([
      ['code', 'name_fr'],
      ['01', 'Tanger, Tétouan'],
      ['02', 'Le "Grand" Casablanca'],
      ['03', 'Deux\nlignes'],
      ['04', ''],
    ]);
  });

  it('refuses a quoted cell that is never closed', () => {
    expect(() => parseCsvText('a,b\n1,"open')).toThrow(/not closed/);
  });
});
