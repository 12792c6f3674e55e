import { normalizeForSearch } from './search-normalize.util';

describe('normalizeForSearch', () => {
  it('ignores French accents and case', () => {
    expect(normalizeForSearch('Fès-Meknès')).toBe('fes meknes');
    expect(normalizeForSearch('ÉCOLE Supérieure')).toBe('ecole superieure');
  });

  it('merges Arabic alef and hamza variants and drops diacritics', () => {
    expect(normalizeForSearch('الإدارة')).toBe(normalizeForSearch('الادارة'));
    expect(normalizeForSearch('أكادير')).toBe(normalizeForSearch('اكادير'));
    expect(normalizeForSearch('آسفي')).toBe('اسفي');
    expect(normalizeForSearch('الرِّبَاطُ')).toBe('الرباط');
    expect(normalizeForSearch('مدينة المضيق-الفنيدق')).toBe('مدينة المضيق الفنيدق');
  });

  it('reads Persian letter forms and alef maqsura as the Arabic letters', () => {
    expect(normalizeForSearch('وزارۀ')).not.toBe('');
    expect(normalizeForSearch('مصطفى')).toBe(normalizeForSearch('مصطفي'));
    expect(normalizeForSearch('\u06CCوسف')).toBe('يوسف');
  });
});
