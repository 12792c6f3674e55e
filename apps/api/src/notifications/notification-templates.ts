import {
  LOCALES,
  directionOf,
  fillTemplate,
  renderNotificationParams,
  type DigestKind,
  type Locale,
  type NotificationCategory,
  type NotificationKind,
  type NotificationParams,
} from '@marsad/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The `notify` section of the web app's translation files: the messages' templates, one per language. */
export interface NotifyTexts {
  kinds: Record<NotificationKind, { title: string; body: string; action?: string }>;
  digest: Record<'daily' | 'weekly', { title: string; body: string }>;
  mail: Record<'greeting' | 'open' | 'footer' | 'unsubscribe' | 'preferences' | 'security', string>;
  categories: Record<NotificationCategory, string>;
  modes: Record<string, string>;
}

/**
 * Where the translations are: copied beside the bundled server at build time (`i18n/`), or the
 * web app's sources when running from the repository (tests, ts-node).
 */
function translationFile(locale: Locale): string {
  const candidates = [join(__dirname, 'i18n', `${locale}.json`), resolve('apps/web/public/i18n', `${locale}.json`)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`No translation file for ${locale} (looked in ${candidates.join(', ')})`);
  return found;
}

let cached: Record<Locale, NotifyTexts> | null = null;

export function notifyTexts(): Record<Locale, NotifyTexts> {
  cached ??= Object.fromEntries(
    LOCALES.map((locale) => [locale, JSON.parse(readFileSync(translationFile(locale), 'utf8')).notify as NotifyTexts]),
  ) as Record<Locale, NotifyTexts>;
  return cached;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  locale: Locale;
  recipientName: string;
  /** Absolute address of the page concerned. */
  url: string | null;
  /** Absolute one-click unsubscribe address for this category; null for security messages. */
  unsubscribeUrl: string | null;
  category: NotificationCategory | null;
  preferencesUrl: string;
}

export interface DigestEntry {
  kind: NotificationKind;
  params: NotificationParams;
  url: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The title and body of one message in a language. */
export function renderKind(kind: NotificationKind, params: NotificationParams, locale: Locale) {
  const texts = notifyTexts()[locale].kinds[kind];
  const values = renderNotificationParams(params, locale);
  return {
    title: fillTemplate(texts.title, values),
    body: fillTemplate(texts.body, values),
    action: texts.action ? fillTemplate(texts.action, values) : null,
  };
}

/** A message as an e-mail: multipart text and HTML, right to left in Arabic. */
export function renderMail(kind: NotificationKind, params: NotificationParams, context: MailContext): RenderedMessage {
  const { title, body, action } = renderKind(kind, params, context.locale);
  return layout(title, [body], context, action, []);
}

export function renderDigest(kind: DigestKind, entries: DigestEntry[], context: MailContext): RenderedMessage {
  const texts = notifyTexts()[context.locale].digest[kind === 'digest.daily' ? 'daily' : 'weekly'];
  const values = { count: String(entries.length) };
  const items = entries.map((entry) => ({ ...renderKind(entry.kind, entry.params, context.locale), url: entry.url }));
  return layout(fillTemplate(texts.title, values), [fillTemplate(texts.body, values)], context, null, items);
}

function layout(
  subject: string,
  paragraphs: string[],
  context: MailContext,
  action: string | null,
  items: { title: string; body: string; url: string | null }[],
): RenderedMessage {
  const mail = notifyTexts()[context.locale].mail;
  const category = context.category ? notifyTexts()[context.locale].categories[context.category] : null;
  const greeting = fillTemplate(mail.greeting, { name: context.recipientName });
  const open = action ?? mail.open;
  const unsubscribe = context.unsubscribeUrl && category ? fillTemplate(mail.unsubscribe, { category }) : null;
  const security = context.category === 'account' ? mail.security : null;

  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...items.flatMap((item) => [`• ${item.title}`, `  ${item.body}`, ...(item.url ? [`  ${item.url}`] : []), '']),
    ...(context.url ? [`${open}: ${context.url}`, ''] : []),
    '—',
    mail.footer,
    ...(security ? [security] : []),
    ...(unsubscribe ? [`${unsubscribe}: ${context.unsubscribeUrl}`] : []),
    `${mail.preferences}: ${context.preferencesUrl}`,
  ].join('\n');

  const dir = directionOf(context.locale);
  const align = dir === 'rtl' ? 'right' : 'left';
  const link = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="color:#00695c">${escapeHtml(label)}</a>`;
  const html = `<!doctype html>
<html lang="${context.locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f6f6">
<div dir="${dir}" style="max-width:600px;margin:0 auto;padding:24px;font-family:'Noto Sans Arabic','Segoe UI',Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6;color:#1b1f1f;text-align:${align};background:#ffffff">
<p style="margin:0 0 16px;font-weight:bold;color:#00695c">مرصد · Marsad</p>
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${items.length ? `<ul style="padding-${dir === 'rtl' ? 'right' : 'left'}:20px">${items.map((item) => `<li style="margin-bottom:12px"><strong>${item.url ? link(item.url, item.title) : escapeHtml(item.title)}</strong><br>${escapeHtml(item.body)}</li>`).join('')}</ul>` : ''}
${context.url ? `<p style="margin:24px 0"><a href="${escapeHtml(context.url)}" style="display:inline-block;padding:10px 18px;background:#00695c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(open)}</a></p>` : ''}
<hr style="border:none;border-top:1px solid #dde3e3">
<p style="font-size:13px;color:#5b6666">${escapeHtml(mail.footer)}${security ? `<br>${escapeHtml(security)}` : ''}</p>
<p style="font-size:13px;color:#5b6666">${unsubscribe && context.unsubscribeUrl ? `${link(context.unsubscribeUrl, unsubscribe)} · ` : ''}${link(context.preferencesUrl, mail.preferences)}</p>
</div>
</body>
</html>`;
  return { subject, text, html };
}
