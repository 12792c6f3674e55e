import { preferredLocale, resolveLocaleRedirect, swapLocaleInUrl } from './locale-negotiation';

describe('preferredLocale', () => {
  it('uses the stored choice first', () => {
    expect(preferredLocale('ar', ['en-GB'])).toBe('ar');
  });
  it('ignores a stored value that is not a locale, then reads the browser languages in order', () => {
    expect(preferredLocale('xx', ['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(preferredLocale(null, ['ar-MA'])).toBe('ar');
  });
  it('falls back to French', () => {
    expect(preferredLocale(null, ['de', 'es'])).toBe('fr');
    expect(preferredLocale(undefined, [])).toBe('fr');
  });
});

describe('resolveLocaleRedirect', () => {
  it('replaces an unknown language prefix with the preferred locale and keeps the page', () => {
    expect(resolveLocaleRedirect(['de', 'measures', 'm1'], 'ar')).toEqual(['ar', 'measures', 'm1']);
  });
  it('maps a regional tag to its supported language', () => {
    expect(resolveLocaleRedirect(['ar-MA', 'activities', 'a1'], 'fr')).toEqual(['ar', 'activities', 'a1']);
    expect(resolveLocaleRedirect(['EN'], 'fr')).toEqual(['en']);
  });
  it('adds a prefix to a path that has none', () => {
    expect(resolveLocaleRedirect(['measures', 'm1'], 'en')).toEqual(['en', 'measures', 'm1']);
    expect(resolveLocaleRedirect([], 'fr')).toEqual(['fr']);
  });
  it('sends an unknown page in a known language to that language home', () => {
    expect(resolveLocaleRedirect(['ar', 'nowhere'], 'fr')).toEqual(['ar']);
  });
});

describe('swapLocaleInUrl', () => {
  it('swaps the prefix and keeps path, query and fragment', () => {
    expect(swapLocaleInUrl('/fr/measures/m1?status=delayed#top', 'ar')).toBe('/ar/measures/m1?status=delayed#top');
    expect(swapLocaleInUrl('/fr', 'en')).toBe('/en');
    expect(swapLocaleInUrl('/fr?health=late', 'en')).toBe('/en?health=late');
  });
  it('adds a prefix when the URL has none', () => {
    expect(swapLocaleInUrl('/', 'ar')).toBe('/ar');
    expect(swapLocaleInUrl('/measures/m1', 'ar')).toBe('/ar/measures/m1');
  });
});
