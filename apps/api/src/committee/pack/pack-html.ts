import type { Locale, LocalizedText, MeetingPack, PartialLocalizedText } from '@marsad/contracts';
import { BLOCKER_TEXT, packText, STATUS_TEXT } from './pack-text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A text in the pack's language, else in another one (marked with its language for screen readers). */
export function localized(text: PartialLocalizedText | LocalizedText | null | undefined, lang: Locale): string {
  if (!text) return '';
  const order: Locale[] = [lang, ...(['fr', 'ar', 'en'] as Locale[]).filter((l) => l !== lang)];
  for (const locale of order) {
    const value = text[locale]?.trim();
    if (value) return locale === lang ? esc(value) : `<span lang="${locale}" dir="auto">${esc(value)}</span>`;
  }
  return '';
}

const localeTag = (lang: Locale) => `${lang}-MA-u-nu-latn`;

export function formatDate(lang: Locale, iso: string, withTime = false): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: 'Africa/Casablanca',
  }).format(date);
}

/** Numbers as the web app writes them (libs/web/ui msd-locale): Moroccan Arabic with Latin digits, French, British English. */
const NUMBER_LOCALE: Record<Locale, string> = { ar: 'ar-MA-u-nu-latn', fr: 'fr-MA', en: 'en-GB' };
/** A figure to one decimal in the pack's language ("58,9" in French and Arabic, "58.9" in English). */
export const decimal = (lang: Locale, value: number) =>
  new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
/** A 0–100 share in the language's percent format ("58,9 %" in French, "58.9%" in English). */
export const pct = (lang: Locale, value: number | null, digits = 1) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(NUMBER_LOCALE[lang], {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value / 100);
/** A change with its sign, isolated so that a right-to-left line keeps the sign before the number. */
const signed = (lang: Locale, value: number | null, unit = '') =>
  value === null
    ? '—'
    : `<bdi dir="ltr">${value > 0 ? '+' : value < 0 ? '−' : '±'}${decimal(lang, Math.abs(value))}</bdi>${unit}`;

/** A horizontal bar (0–100) that grows from the start edge, right in Arabic. */
const bar = (value: number | null, kind: 'now' | 'before') =>
  value === null ? '' : `<span class="bar ${kind}" style="inline-size:${Math.max(0, Math.min(100, value))}%"></span>`;

/**
 * The meeting pack as one printable A4 document (Arabic right to left, French, English). Self-contained:
 * no script, no external resource, so the same HTML is served, printed by the browser and rendered to PDF.
 */
export function renderPackHtml(pack: MeetingPack, lang: Locale, demo: boolean): string {
  const t = (key: Parameters<typeof packText>[1], params?: Record<string, string | number>) =>
    esc(packText(lang, key, params));
  const m = pack.meeting;
  const where = [m.place ? esc(m.place) : '', m.onlineUrl ? t('online') : ''].filter(Boolean).join(' · ');
  const previous = pack.previous
    ? t('comparedWith', { n: pack.previous.number, date: formatDate(lang, pack.previous.day) })
    : t('noPrevious');
  const asOf =
    pack.figuresFrom === 'live'
      ? t('asOf', { date: formatDate(lang, pack.asOf) })
      : t('asOfSnapshot', { date: formatDate(lang, pack.asOf) });
  const none = `<p class="none">${t('none')}</p>`;

  const tiles = [
    [
      t('planProgress'),
      pct(lang, pack.plan.progress),
      pack.previous ? `${signed(lang, pack.plan.change, ` ${t('points')}`)} ${t('since')}` : '',
    ],
    [t('lateActivities'), String(pack.plan.late), `${t('atRiskActivities')} : ${pack.plan.atRisk}`],
    [t('overdueItems'), String(pack.actionItems.overdue), `${t('actionItems')} : ${pack.actionItems.open.length}`],
    [
      t('coverage'),
      `${pack.coverage.withRod}`,
      t('administrations', { n: pack.coverage.total }) +
        (pack.coverage.previousWithRod !== null
          ? ` · <bdi dir="ltr">${pack.coverage.withRod - pack.coverage.previousWithRod >= 0 ? '+' : '−'}${Math.abs(pack.coverage.withRod - pack.coverage.previousWithRod)}</bdi> ${t('since')}`
          : ''),
    ],
    [
      t('publication'),
      pack.publication.score === null ? '—' : decimal(lang, pack.publication.score),
      pack.publication.previousScore !== null
        ? `${signed(lang, pack.publication.change, ` ${t('points')}`)} ${t('since')}`
        : '',
    ],
  ]
    .map(
      ([label, value, note]) =>
        `<div class="tile"><div class="label">${label}</div><div class="value">${esc(value)}</div><div class="note">${note}</div></div>`,
    )
    .join('');

  const measures = pack.measures
    .map(
      (row) => `<tr>
        <td class="num">${row.number}</td>
        <td class="title">${localized(row.title, lang)}</td>
        <td class="bars">${bar(row.progress, 'now')}${bar(row.previousProgress, 'before')}</td>
        <td class="num">${pct(lang, row.progress)}</td>
        <td class="num">${pct(lang, row.previousProgress)}</td>
        <td class="num ${row.change !== null && row.change > 0 ? 'up' : ''}">${signed(lang, row.change)}</td>
        <td class="num ${row.daysLate > 0 ? 'late' : ''}">${row.daysLate > 0 ? t('daysLate', { n: row.daysLate }) : '—'}</td>
      </tr>`,
    )
    .join('');

  const late = pack.late.length
    ? `<table><thead><tr><th>${t('activity')}</th><th>${t('lead')}</th><th>${t('due')}</th><th>${t('progress')}</th><th>${t('late')}</th></tr></thead><tbody>${pack.late
        .map(
          (
            a,
          ) => `<tr><td><b>${esc(a.code)}</b> ${localized(a.title, lang)}</td><td>${localized(a.leadInstitution?.name, lang)}</td>
          <td class="num">${a.dueDate ? formatDate(lang, a.dueDate) : '—'}</td><td class="num">${pct(lang, a.progress, 0)}</td>
          <td class="num late">${t('daysLate', { n: a.daysLate })}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : none;

  const atRisk = pack.atRisk.length
    ? `<ul class="compact">${pack.atRisk
        .map(
          (a) =>
            `<li><b>${esc(a.code)}</b> ${localized(a.title, lang)} — ${pct(lang, a.progress, 0)}${a.dueDate ? ` · ${t('due')} ${formatDate(lang, a.dueDate)}` : ''}</li>`,
        )
        .join('')}</ul>`
    : none;

  const milestones = pack.missedMilestones.length
    ? `<table><thead><tr><th>${t('milestone')}</th><th>${t('due')}</th><th>${t('late')}</th></tr></thead><tbody>${pack.missedMilestones
        .map(
          (ms) => `<tr><td><b>${esc(ms.activityCode)}</b> ${localized(ms.title, lang)}</td>
          <td class="num">${formatDate(lang, ms.dueDate)}</td><td class="num late">${t('daysLate', { n: ms.daysLate })}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : none;

  const blockers = pack.blockers.filter((b) => b.activities > 0);
  const blockersHtml = blockers.length
    ? `<table class="narrow"><thead><tr><th>${t('blockers')}</th><th>${t('activitiesCount')}</th></tr></thead><tbody>${blockers
        .map(
          (b) =>
            `<tr><td>${esc(BLOCKER_TEXT[b.category]?.[lang] ?? b.category)}</td><td class="num">${b.activities}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : none;

  const items = pack.actionItems.open.length
    ? `<table><thead><tr><th>${t('reference')}</th><th>${t('actionItems')}</th><th>${t('owner')}</th><th>${t('due')}</th><th>${t('status')}</th></tr></thead><tbody>${pack.actionItems.open
        .map(
          (
            item,
          ) => `<tr class="${item.overdue ? 'overdue' : ''}"><td class="num">${esc(item.reference)}</td><td>${localized(item.text, lang)}</td>
          <td>${localized(item.owner.name, lang)}</td><td class="num">${formatDate(lang, item.dueOn)}</td>
          <td>${esc(STATUS_TEXT[item.status][lang])}${item.overdue ? ` · <span class="late">${t('daysLate', { n: item.daysOverdue })}</span>` : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : none;

  const agenda = m.agenda.length
    ? `<ol class="agenda">${m.agenda
        .map((item) =>
          item.actionItem
            ? `<li>${t('followUp', { ref: item.actionItem.reference })} — ${localized(item.actionItem.text, lang)} (${localized(item.actionItem.owner.name, lang)})${item.actionItem.overdue ? ` <span class="late">${t('daysLate', { n: item.actionItem.daysOverdue })}</span>` : ''}</li>`
            : `<li>${localized(item.title, lang)}${item.measureNumbers.length ? ` <span class="muted">(${t('measure')} ${item.measureNumbers.join(', ')})</span>` : ''}</li>`,
        )
        .join('')}</ol>`
    : none;

  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('title', { n: m.number })} — ${t('committee')}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Amiri', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif;
         color: #1b1f24; margin: 0; padding: 16px; font-size: 10.5pt; line-height: 1.45; }
  main { max-inline-size: 190mm; margin-inline: auto; }
  header { border-block-end: 3px solid #0b6e4f; padding-block-end: 8px; margin-block-end: 12px; }
  .eyebrow { color: #0b6e4f; font-weight: 700; font-size: 10pt; }
  h1 { font-size: 17pt; margin: 2px 0 4px; }
  h2 { font-size: 12.5pt; margin: 16px 0 6px; color: #0b6e4f; break-after: avoid; }
  .meta, .muted, .note { color: #555; font-size: 9.5pt; }
  .demo { display: inline-block; background: #fff3cd; color: #664d03; padding: 1px 6px; border-radius: 4px; font-size: 9pt; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(32mm, 1fr)); gap: 6px; }
  .tile { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 8px; break-inside: avoid; }
  .tile .label { font-size: 9pt; color: #444; }
  .tile .value { font-size: 16pt; font-weight: 700; }
  table { inline-size: 100%; border-collapse: collapse; margin-block: 4px; }
  table.narrow { inline-size: auto; min-inline-size: 50%; }
  th, td { border-block-end: 1px solid #e1e4e8; padding: 3px 5px; text-align: start; vertical-align: top; }
  th { background: #f2f5f4; font-size: 9pt; }
  tr { break-inside: avoid; }
  td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.bars { inline-size: 18%; }
  td.title { inline-size: 42%; }
  .bar { display: block; block-size: 6px; border-radius: 3px; margin-block: 2px; }
  .bar.now { background: #0b6e4f; }
  .bar.before { background: #a7c4b8; }
  .late { color: #b42318; font-weight: 700; }
  .up { color: #0b6e4f; }
  tr.overdue td { background: #fdf1f0; }
  ul.compact { margin: 2px 0; padding-inline-start: 18px; }
  ol.agenda li { margin-block: 2px; }
  .legend span { display: inline-block; inline-size: 14px; block-size: 6px; border-radius: 3px; margin-inline-end: 4px; }
  footer { margin-block-start: 14px; border-block-start: 1px solid #d0d7de; padding-block-start: 6px; color: #555; font-size: 8.5pt; }
  @media print { body { padding: 0; } }
  @media (max-width: 480px) { body { padding: 8px; font-size: 10pt; } td.bars { display: none; } }
</style>
</head>
<body>
<main>
<header>
  <div class="eyebrow">${t('committee')}</div>
  <h1>${t('title', { n: m.number })}</h1>
  <div class="meta">${formatDate(lang, m.startsAt, true)}${where ? ` · ${where}` : ''} · ${esc(STATUS_TEXT[m.status][lang])}</div>
  <div class="meta">${t('plan')} — ${asOf}. ${previous}.</div>
  ${demo ? `<div class="demo">${t('demo')}</div>` : ''}
</header>

<section><h2>${t('keyFigures')}</h2><div class="tiles">${tiles}</div></section>

<section><h2>${t('measures')}</h2>
  <p class="legend muted"><span style="background:#0b6e4f"></span>${t('now')} &nbsp; <span style="background:#a7c4b8"></span>${t('before')}</p>
  <table><thead><tr><th>#</th><th>${t('measure')}</th><th></th><th>${t('now')}</th><th>${t('before')}</th><th>${t('change')}</th><th>${t('late')}</th></tr></thead>
  <tbody>${measures}</tbody></table>
</section>

<section><h2>${t('lateActivities')} (${pack.late.length})</h2>${late}</section>
<section><h2>${t('atRiskActivities')} (${pack.atRisk.length})</h2>${atRisk}</section>
<section><h2>${t('missedMilestones')} (${pack.missedMilestones.length})</h2>${milestones}</section>
<section><h2>${t('blockers')}</h2>${blockersHtml}</section>
<section><h2>${t('actionItems')} (${pack.actionItems.open.length})</h2>
  <p class="muted">${t('doneSince', { n: pack.actionItems.doneSincePrevious })}</p>${items}</section>
<section><h2>${t('officers')}</h2>
  <p>${t('withRod')} : <b>${pack.coverage.withRod}</b> · ${t('withGdd')} : <b>${pack.coverage.withGdd}</b> — ${t('administrations', { n: pack.coverage.total })}${
    pack.coverage.previousWithRod !== null
      ? ` <span class="muted">(${t('before')} : ${pack.coverage.previousWithRod} / ${pack.coverage.previousWithGdd})</span>`
      : ''
  }</p></section>
<section><h2>${t('publication')}</h2>
  <p><b>${pack.publication.score === null ? t('unknown') : decimal(lang, pack.publication.score)}</b>${
    pack.publication.previousScore !== null
      ? ` (${t('before')} : ${decimal(lang, pack.publication.previousScore)})`
      : ''
  } <span class="muted">${pack.publication.asOf ? t('publicationSource', { date: formatDate(lang, pack.publication.asOf) }) : ''}</span></p></section>
<section><h2>${t('agenda')}</h2>${agenda}</section>

<footer>${t('source')} ${t('produced', { date: formatDate(lang, pack.producedAt, true) })}</footer>
</main>
</body>
</html>`;
}
