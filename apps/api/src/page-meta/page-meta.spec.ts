import { matchPage, renderIndex, textIn, translate } from './page-meta';

const INDEX = `<!doctype html>
<html lang="fr" dir="ltr">
  <head>
    <title>Marsad · مرصد</title>
    <meta
      name="description"
      content="générique"
    />
  </head>
  <body><msd-root></msd-root></body>
</html>`;

describe('page meta', () => {
  it('finds the language and the public page of an address', () => {
    expect(matchPage('/ar/')).toMatchObject({ locale: 'ar', rest: '', page: { titleKey: 'titles.overview' } });
    expect(matchPage('/fr/metrics/rankings')).toMatchObject({ page: { titleKey: 'metrics.titles.rankings' } });
    expect(matchPage('/fr/metrics/MEF')).toMatchObject({ page: { subject: 'scorecard' }, param: 'MEF' });
    expect(matchPage('/en/institutions/01.001')).toMatchObject({ page: { subject: 'institution' }, param: '01.001' });
    // Signed-in pages and unknown addresses: the language only.
    expect(matchPage('/fr/account/password')).toEqual({
      locale: 'fr',
      rest: 'account/password',
      page: null,
      param: null,
    });
    // A parameter that is neither a UUID nor a code is never looked up.
    expect(matchPage("/fr/measures/1'%20OR%201=1")).toMatchObject({ page: null, param: null });
    expect(matchPage('/de/metrics')).toBeNull();
    expect(matchPage('/')).toBeNull();
  });

  it('translates a dotted key with its parameters, and says when a key is missing', () => {
    const table = { titles: { measureNumbered: 'Mesure {{number}} : {{title}}' } };
    expect(translate(table, 'titles.measureNumbered', { number: 3, title: 'Données de référence' })).toBe(
      'Mesure 3 : Données de référence',
    );
    expect(translate(table, 'titles.missing')).toBeNull();
    expect(translate(table, 'titles')).toBeNull();
  });

  it('picks the text in the page language, else the nearest one, flattened and cut for a preview', () => {
    expect(textIn({ fr: 'Bonjour', ar: 'مرحبا' }, 'ar')).toBe('مرحبا');
    expect(textIn({ fr: '  Deux\n lignes ' }, 'en')).toBe('Deux lignes');
    expect(textIn({ fr: 'x'.repeat(400) }, 'fr', 100)).toHaveLength(100);
    expect(textIn({}, 'fr')).toBeNull();
  });

  it('writes the language, direction, title, description and Open Graph tags, escaped', () => {
    const html = renderIndex(INDEX, {
      locale: 'ar',
      title: 'التدبير 3: "المعطيات" <مرجعية> · مرصد',
      description: 'A & B',
      url: 'https://marsad.example/ar/measures/x',
      alternates: {
        ar: 'https://marsad.example/ar/measures/x',
        fr: 'https://marsad.example/fr/measures/x',
        en: 'https://marsad.example/en/measures/x',
      },
    });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<title>التدبير 3: &quot;المعطيات&quot; &lt;مرجعية&gt; · مرصد</title>');
    expect(html).toContain('<meta name="description" content="A &amp; B" />');
    expect(html).not.toContain('générique');
    expect(html).toContain(
      '<meta property="og:title" content="التدبير 3: &quot;المعطيات&quot; &lt;مرجعية&gt; · مرصد" />',
    );
    expect(html).toContain('<meta property="og:locale" content="ar_MA" />');
    expect(html).toContain('<meta property="og:locale:alternate" content="fr_MA" />');
    expect(html).toContain('<meta property="og:url" content="https://marsad.example/ar/measures/x" />');
    expect(html).toContain('<link rel="alternate" hreflang="fr" href="https://marsad.example/fr/measures/x" />');
    expect(html).toContain('<link rel="canonical" href="https://marsad.example/ar/measures/x" />');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<body><msd-root></msd-root></body>');
  });
});
