import { LOCALES, NOTIFICATION_CATEGORIES, NOTIFICATION_KIND_LIST, templatePlaceholders } from '@marsad/contracts';
import { notifyTexts, renderDigest, renderMail } from './notification-templates';

const sorted = (text: string) => [...new Set(templatePlaceholders(text))].sort();

describe('message templates (the `notify` section of the translations)', () => {
  const texts = notifyTexts();

  it.each(NOTIFICATION_KIND_LIST)('%s has a title and a body in ar, fr and en with the same placeholders', (kind) => {
    const [reference, ...others] = LOCALES.map((locale) => texts[locale].kinds[kind]);
    for (const locale of LOCALES) {
      expect(texts[locale].kinds[kind]?.title?.trim()).toBeTruthy();
      expect(texts[locale].kinds[kind]?.body?.trim()).toBeTruthy();
    }
    for (const other of others) {
      expect(sorted(other.title)).toEqual(sorted(reference.title));
      expect(sorted(other.body)).toEqual(sorted(reference.body));
      expect(sorted(other.action ?? '')).toEqual(sorted(reference.action ?? ''));
      expect(!!other.action).toBe(!!reference.action);
    }
  });

  it('the digests, the mail frame, categories and modes exist in every language with the same placeholders', () => {
    for (const locale of LOCALES) {
      for (const key of ['daily', 'weekly'] as const)
        expect(sorted(texts[locale].digest[key].title)).toEqual(sorted(texts.fr.digest[key].title));
      for (const [key, value] of Object.entries(texts.fr.mail))
        expect(sorted(texts[locale].mail[key as keyof typeof texts.fr.mail])).toEqual(sorted(value));
      for (const category of NOTIFICATION_CATEGORIES) expect(texts[locale].categories[category]).toBeTruthy();
    }
  });

  const context = {
    recipientName: 'Salma <b>',
    url: 'https://marsad.example/ar/activities/1',
    unsubscribeUrl: 'https://marsad.example/ar/unsubscribe?token=t',
    category: 'reports' as const,
    preferencesUrl: 'https://marsad.example/ar/notifications/preferences',
  };

  it('renders Arabic right to left, French left to right, and escapes what people typed', () => {
    const params = { code: '2.1', title: { ar: 'عنوان', fr: 'Titre' }, by: 'ADD', comment: '<script>x</script>' };
    const ar = renderMail('report.returned', params, { ...context, locale: 'ar' });
    expect(ar.subject).toBe('أُرجع تقريركم حول 2.1 للتصحيح');
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('text-align:right');
    expect(ar.html).not.toContain('<script>');
    expect(ar.html).toContain('&lt;script&gt;');
    expect(ar.html).toContain('Salma &lt;b&gt;');
    expect(ar.text).toContain('عنوان');
    expect(ar.text).toContain('<script>x</script>'); // plain text stays as typed
    const fr = renderMail('report.returned', params, { ...context, locale: 'fr' });
    expect(fr.html).toContain('<html lang="fr" dir="ltr">');
    expect(fr.text).toContain('« Titre »');
    expect(fr.text).toContain(context.unsubscribeUrl);
  });

  it('formats days and instants in the reader’s language, in Morocco’s time', () => {
    const fr = renderMail(
      'account.locked',
      { lockedUntil: '2026-12-05T23:30:00Z' },
      { ...context, locale: 'fr', category: 'account', unsubscribeUrl: null },
    );
    expect(fr.text).toContain('6 décembre 2026'); // 00:30 in Casablanca (UTC+1)
    expect(fr.text).not.toContain('unsubscribe');
    const digest = renderDigest(
      'digest.weekly',
      [
        { kind: 'round.opened', params: { round: { fr: 'T4' }, closesOn: '2026-12-31' }, url: 'https://m/fr/home' },
        {
          kind: 'officer.vacancy',
          params: { institution: { fr: 'Fès' }, role: { fr: 'ROD' }, endedOn: '2026-12-01' },
          url: null,
        },
      ],
      { ...context, locale: 'fr' },
    );
    expect(digest.subject).toBe('Marsad : votre résumé de la semaine (2)');
    expect(digest.text).toContain('31 décembre 2026');
    expect(digest.html).toContain('href="https://m/fr/home"');
  });
});
