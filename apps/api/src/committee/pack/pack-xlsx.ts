import type { Locale, MeetingPack, PartialLocalizedText } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { BLOCKER_TEXT, packText, STATUS_TEXT } from './pack-text';

const text = (value: PartialLocalizedText | null | undefined, lang: Locale) =>
  value ? (value[lang] ?? value.fr ?? value.ar ?? value.en ?? '') : '';

/**
 * The pack's tables as a workbook, one sheet per table, right to left in Arabic. Every text is
 * stored as a string cell, never as a formula.
 */
export async function renderPackXlsx(pack: MeetingPack, lang: Locale): Promise<Buffer> {
  const t = (key: Parameters<typeof packText>[1], params?: Record<string, string | number>) =>
    packText(lang, key, params);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Marsad';
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }],
    });
    ws.columns = headers.map((header) => ({ header, width: Math.max(12, header.length + 4) }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row.map((value) => value ?? ''));
  };
  sheet(
    t('keyFigures'),
    [t('keyFigures'), t('now'), t('before'), t('change')],
    [
      [t('planProgress'), pack.plan.progress, pack.plan.previousProgress, pack.plan.change],
      [t('lateActivities'), pack.plan.late, null, null],
      [t('atRiskActivities'), pack.plan.atRisk, null, null],
      [t('overdueItems'), pack.actionItems.overdue, null, null],
      [t('withRod'), pack.coverage.withRod, pack.coverage.previousWithRod, null],
      [t('withGdd'), pack.coverage.withGdd, pack.coverage.previousWithGdd, null],
      [t('publication'), pack.publication.score, pack.publication.previousScore, pack.publication.change],
      [t('asOf', { date: pack.asOf }), pack.asOf, pack.previous?.day ?? null, null],
    ],
  );
  sheet(
    t('measures'),
    ['#', t('measure'), t('now'), t('before'), t('change'), t('late')],
    pack.measures.map((m) => [m.number, text(m.title, lang), m.progress, m.previousProgress, m.change, m.daysLate]),
  );
  sheet(
    t('lateActivities'),
    [t('activity'), '', t('lead'), t('due'), t('progress'), t('late')],
    pack.late.map((a) => [
      a.code,
      text(a.title, lang),
      text(a.leadInstitution?.name, lang),
      a.dueDate,
      a.progress,
      a.daysLate,
    ]),
  );
  sheet(
    t('missedMilestones'),
    [t('activity'), t('milestone'), t('due'), t('late')],
    pack.missedMilestones.map((m) => [m.activityCode, text(m.title, lang), m.dueDate, m.daysLate]),
  );
  sheet(
    t('blockers'),
    [t('blockers'), t('activitiesCount')],
    pack.blockers.map((b) => [BLOCKER_TEXT[b.category]?.[lang] ?? b.category, b.activities]),
  );
  sheet(
    t('actionItems'),
    [t('reference'), t('actionItems'), t('owner'), t('due'), t('status'), t('late')],
    pack.actionItems.open.map((i) => [
      i.reference,
      text(i.text, lang),
      text(i.owner.name, lang),
      i.dueOn,
      STATUS_TEXT[i.status][lang],
      i.daysOverdue,
    ]),
  );
  sheet(
    t('agenda'),
    ['#', t('agenda')],
    pack.meeting.agenda.map((item) => [
      item.position,
      item.actionItem
        ? `${t('followUp', { ref: item.actionItem.reference })} — ${text(item.actionItem.text, lang)}`
        : text(item.title, lang),
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
