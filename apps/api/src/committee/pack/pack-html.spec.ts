import type { MeetingPack } from '@marsad/contracts';
import { PACK_TEXT } from './pack-text';
import { renderPackHtml } from './pack-html';

const pack: MeetingPack = {
  meeting: {
    id: 'm3',
    number: 3,
    startsAt: '2026-12-25T09:00:00.000Z',
    place: 'ADD, Rabat',
    onlineUrl: null,
    status: 'planned',
    minutesState: 'draft',
    agendaCount: 1,
    decisionCount: 0,
    presentCount: 0,
    expectedCount: 9,
    version: 1,
    agenda: [
      {
        id: 'a1',
        position: 1,
        title: { fr: 'Divers <script>' },
        measureNumbers: [2],
        activityCodes: [],
        actionItem: null,
      },
    ],
  },
  producedAt: '2026-12-04T10:00:00.000Z',
  asOf: '2026-12-04',
  figuresFrom: 'live',
  previous: { number: 2, startsAt: '2026-10-05T09:00:00.000Z', day: '2026-10-05', snapshotDay: '2026-10-05' },
  plan: {
    progress: 58.9,
    previousProgress: 36.9,
    change: 22,
    health: 'late',
    late: 3,
    atRisk: 3,
    provenance: { source: 'validated', asOf: null, by: null },
  },
  measures: [
    {
      number: 2,
      title: { ar: 'تحديث البوابة', fr: 'Moderniser le portail', en: 'Portal' },
      progress: 61.8,
      previousProgress: 36.3,
      change: 25.5,
      health: 'late',
      daysLate: 45,
    },
  ],
  late: [],
  atRisk: [],
  missedMilestones: [],
  blockers: [],
  actionItems: { open: [], overdue: 0, doneSincePrevious: 2 },
  coverage: { total: 1728, withRod: 311, withGdd: 200, withBoth: 190, previousWithRod: 299, previousWithGdd: 190 },
  publication: {
    score: null,
    previousScore: null,
    change: null,
    datasets: null,
    asOf: null,
    provenance: { source: 'automated', asOf: null, by: null },
  },
};

describe('the meeting pack as a printable page', () => {
  it('is right to left in Arabic, with the committee’s name and the figures as of their date', () => {
    const html = renderPackHtml(pack, 'ar', false);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(PACK_TEXT.committee.ar);
    // Figures in the language's format: a decimal comma in Moroccan Arabic (Latin digits), as on the web.
    expect(html).toContain('58,9');
    expect(renderPackHtml(pack, 'en', false)).toContain('58.9%');
    expect(html).toContain('45 يوم تأخر');
    expect(html).not.toContain(PACK_TEXT.demo.ar);
  });

  it('is left to right in French, says demo data when it is, and escapes every text', () => {
    const html = renderPackHtml(pack, 'fr', true);
    expect(html).toContain('dir="ltr"');
    expect(html).toContain(PACK_TEXT.demo.fr);
    expect(html).toContain('Divers &lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('45 j de retard');
    expect(html).toContain('+25,5'); // the French decimal comma
  });
});
