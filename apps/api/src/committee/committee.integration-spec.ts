import type {
  ActionItemView,
  AgendaProposal,
  ApiErrorBody,
  AuditEventView,
  CommitteeRepresentativeView,
  CommitteeView,
  DecisionView,
  MeetingDetail,
  MeetingPack,
  MeetingSummary,
  Page,
  PlanDetail,
  PlanSnapshotDetail,
} from '@marsad/contracts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { daysOverdue, isOverdue, sitsOn } from './committee-rules';

describe('Committee rules', () => {
  it('a seat covers its first day, not the day it ended', () => {
    expect(sitsOn('2024-01-10', '2024-06-01', '2024-01-10')).toBe(true);
    expect(sitsOn('2024-01-10', '2024-06-01', '2024-05-31')).toBe(true);
    expect(sitsOn('2024-01-10', '2024-06-01', '2024-06-01')).toBe(false);
    expect(sitsOn('2024-01-10', null, '2030-01-01')).toBe(true);
    expect(sitsOn('2024-01-10', null, '2024-01-09')).toBe(false);
  });

  it('an item is overdue from the day after its due date, while still to do', () => {
    const due = { status: 'open' as const, dueOn: '2026-03-10' };
    expect(isOverdue(due, '2026-03-10')).toBe(false);
    expect(daysOverdue(due, '2026-03-10')).toBe(0);
    expect(isOverdue(due, '2026-03-11')).toBe(true);
    expect(daysOverdue(due, '2026-03-11')).toBe(1);
    expect(daysOverdue({ ...due, status: 'in_progress' }, '2026-04-09')).toBe(30);
    expect(isOverdue({ ...due, status: 'done' }, '2026-04-09')).toBe(false);
    expect(isOverdue({ ...due, status: 'dropped' }, '2026-04-09')).toBe(false);
  });
});

describe('Steering committee (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let committee: Client;
  let mef: Client;
  let hcp: Client;
  let admin: Client;
  const today = todayInMorocco();
  const at = (day: string) => `${day}T10:00:00+01:00`;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    committee = await t.as({ role: 'COMMITTEE', email: 'membre@hcp.committee.ma' });
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.committee.ma' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.committee.ma' });
    admin = await t.as('ADMIN');
  });
  afterAll(async () => {
    await t?.close();
  });

  const memberOf = (view: CommitteeView, code: string) => view.members.find((m) => m.institution.code === code)!;

  it('lists the seven founding members; the public sees institutions, not people', async () => {
    const publicView: CommitteeView = (await t.http.get('/api/v1/committee').expect(200)).body;
    expect(publicView.members.map((m) => m.institution.code).sort()).toEqual(
      ['ADD', 'ANRT', 'HCP', 'INPPLC', 'MEF', 'MJCC-COM', 'MTNRA'].sort(),
    );
    expect(publicView.members.every((m) => m.founding && m.joinedOn === '2019-12-01' && m.leftOn === null)).toBe(true);
    expect(publicView.currentMemberCount).toBe(7);
    expect(publicView.personal).toBe(false);
  });

  let hcpRep: CommitteeRepresentativeView;
  let anrtRep: CommitteeRepresentativeView;
  it('ADD records representatives; contacts reach the committee, never an officer or the public', async () => {
    const view: CommitteeView = (await coordinator.get('/api/v1/committee').expect(200)).body;
    const body = {
      fullName: 'Youssef Test',
      position: 'member',
      fromOn: '2020-01-01',
      email: 'membre@hcp.committee.ma',
    };
    await mef
      .post(`/api/v1/committee/members/${memberOf(view, 'HCP').id}/representatives`)
      .send(body)
      .expect(403);
    const bad: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/committee/members/${memberOf(view, 'HCP').id}/representatives`)
        .set('Accept-Language', 'fr')
        .send({ ...body, position: 'king', toOn: '2019-01-01' })
        .expect(400)
    ).body;
    expect(bad.fields.map((f) => f.field)).toContain('position');
    hcpRep = (
      await coordinator
        .post(`/api/v1/committee/members/${memberOf(view, 'HCP').id}/representatives`)
        .send({ ...body, linkAccount: true })
        .expect(201)
    ).body;
    expect(hcpRep).toEqual(expect.objectContaining({ hasAccount: true, email: 'membre@hcp.committee.ma' }));
    anrtRep = (
      await coordinator
        .post(`/api/v1/committee/members/${memberOf(view, 'ANRT').id}/representatives`)
        .send({ fullName: 'Mehdi Test', position: 'chair', fromOn: '2020-01-01', phone: '+212 600 000 000' })
        .expect(201)
    ).body;
    // Leaving a required field out is fine; sending it as null is refused, naming it.
    const cleared: ApiErrorBody = (
      await coordinator
        .patch(`/api/v1/committee/representatives/${anrtRep.id}`)
        .send({ version: anrtRep.version, fullName: null, position: null })
        .expect(400)
    ).body;
    expect([...new Set(cleared.fields.map((f) => f.field))].sort()).toEqual(['fullName', 'position']);
    const seen: CommitteeView = (await committee.get('/api/v1/committee').expect(200)).body;
    expect(memberOf(seen, 'ANRT').representatives[0]).toEqual(
      expect.objectContaining({ fullName: 'Mehdi Test', phone: '+212 600 000 000' }),
    );
    const officer: CommitteeView = (await mef.get('/api/v1/committee').expect(200)).body;
    expect(officer.members.every((m) => m.representatives.length === 0)).toBe(true);
    // The audit trail hides the people from a reader without the right (an admin).
    const trail: Page<AuditEventView> = (
      await admin.get(`/api/v1/audit-events?entityType=committee_representative&entityId=${anrtRep.id}`).expect(200)
    ).body;
    expect(trail.items[0].diff['fullName'].after).not.toBe('Mehdi Test');
    expect(trail.items[0].diff['phone'].after).not.toBe('+212 600 000 000');
  });

  let first: MeetingDetail;
  let decision: DecisionView;
  it('prepares a meeting, records attendance and a decision with action items, all or nothing', async () => {
    await mef
      .post('/api/v1/committee/meetings')
      .send({ startsAt: at(addDays(today, -30)) })
      .expect(403);
    await mef.get('/api/v1/committee/meetings').expect(403);
    first = (
      await coordinator
        .post('/api/v1/committee/meetings')
        .send({
          startsAt: at(addDays(today, -30)),
          place: 'ADD, Rabat',
          agenda: [{ title: { fr: 'Avancement du plan' }, measureNumbers: [2] }],
        })
        .expect(201)
    ).body;
    expect(first).toEqual(expect.objectContaining({ number: 1, status: 'planned', minutesState: 'draft' }));
    expect(first.attendance.map((a) => a.representative.id).sort()).toEqual([hcpRep.id, anrtRep.id].sort());

    const bad: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/committee/meetings/${first.id}/decisions`)
        .send({
          text: { fr: 'Décision' },
          measureNumbers: [99],
          actionItems: [{ text: { fr: 'Faire' }, ownerCode: 'NOPE', dueOn: addDays(today, -10) }],
        })
        .expect(400)
    ).body;
    expect(bad.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['measureNumbers.0:unknownMeasure']);
    const noOwner: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/committee/meetings/${first.id}/decisions`)
        .send({ text: { fr: 'Décision' }, actionItems: [{ text: { fr: 'Faire' }, ownerCode: 'NOPE', dueOn: today }] })
        .expect(400)
    ).body;
    expect(noOwner.fields).toEqual([
      expect.objectContaining({ field: 'actionItems.0.ownerCode', rule: 'unknownInstitution' }),
    ]);
    expect((await coordinator.get(`/api/v1/committee/meetings/${first.id}`).expect(200)).body.decisions).toEqual([]);

    decision = (
      await coordinator
        .post(`/api/v1/committee/meetings/${first.id}/decisions`)
        .send({
          text: { fr: 'Présenter un plan de rattrapage de la mesure 2', ar: 'تقديم مخطط لتدارك الإجراء 2' },
          measureNumbers: [2],
          actionItems: [
            { text: { fr: 'Transmettre l’inventaire' }, ownerCode: 'MEF', dueOn: addDays(today, -1) },
            { text: { fr: 'Plan de rattrapage' }, ownerCode: 'HCP', dueOn: today },
            { text: { fr: 'Note de cadrage' }, ownerCode: 'ADD', dueOn: addDays(today, 5) },
          ],
        })
        .expect(201)
    ).body;
    expect(decision.actionItems.map((i) => [i.reference, i.owner.code, i.overdue, i.daysOverdue])).toEqual([
      ['R1-D1-A1', 'MEF', true, 1],
      ['R1-D1-A2', 'HCP', false, 0],
      ['R1-D1-A3', 'ADD', false, 0],
    ]);

    const recorded: MeetingDetail = (
      await coordinator
        .put(`/api/v1/committee/meetings/${first.id}/attendance`)
        .send({
          version: first.version,
          entries: [
            { representativeId: anrtRep.id, status: 'present' },
            { representativeId: hcpRep.id, status: 'excused' },
          ],
        })
        .expect(200)
    ).body;
    expect(recorded.attendance.map((a) => a.status).sort()).toEqual(['excused', 'present']);
    expect(recorded.presentCount).toBe(1);
    // A stale version is refused, not silently applied.
    const stale: ApiErrorBody = (
      await coordinator
        .put(`/api/v1/committee/meetings/${first.id}/attendance`)
        .send({ version: first.version, entries: [] })
        .expect(409)
    ).body;
    expect(stale.code).toBe('VERSION_CONFLICT');
    // The committee member linked to HCP's representative confirms their own attendance.
    const confirmed: MeetingDetail = (
      await committee
        .post(`/api/v1/committee/meetings/${first.id}/attendance/me`)
        .send({ status: 'present' })
        .expect(200)
    ).body;
    const own = confirmed.attendance.find((a) => a.representative.id === hcpRep.id)!;
    expect(own.status).toBe('present');
    expect(own.confirmedBySelfAt).not.toBeNull();
    first = confirmed;
  });

  it('minutes move from draft to approved only once the meeting was held', async () => {
    const drafted: MeetingDetail = (
      await coordinator
        .patch(`/api/v1/committee/meetings/${first.id}`)
        .send({ version: first.version, minutes: { fr: 'Le comité a examiné la mesure 2.' } })
        .expect(200)
    ).body;
    const early: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/committee/meetings/${first.id}/minutes/approve`)
        .send({ version: drafted.version })
        .expect(409)
    ).body;
    expect(early.code).toBe('MEETING_STATE_CONFLICT');
    const held: MeetingDetail = (
      await coordinator
        .patch(`/api/v1/committee/meetings/${first.id}`)
        .send({ version: drafted.version, status: 'held' })
        .expect(200)
    ).body;
    first = (
      await coordinator
        .post(`/api/v1/committee/meetings/${first.id}/minutes/approve`)
        .send({ version: held.version })
        .expect(200)
    ).body;
    expect(first.minutesState).toBe('approved');
    await coordinator
      .patch(`/api/v1/committee/meetings/${first.id}`)
      .send({ version: first.version, minutes: { fr: 'Réécrit' } })
      .expect(409);
  });

  it('an officer sees and moves forward only its own administration’s items', async () => {
    const mine: ActionItemView[] = (await mef.get('/api/v1/committee/action-items?status=open').expect(200)).body;
    expect(mine.map((i) => i.owner.code)).toEqual(['MEF']);
    await mef.get('/api/v1/committee/action-items?owner=HCP').expect(403);
    const hcpItem = decision.actionItems[1];
    await mef.patch(`/api/v1/committee/action-items/${hcpItem.id}`).send({ version: 1, note: 'x' }).expect(404);
    const item = mine[0];
    const dropped: ApiErrorBody = (
      await mef
        .patch(`/api/v1/committee/action-items/${item.id}`)
        .send({ version: item.version, status: 'dropped' })
        .expect(400)
    ).body;
    expect(dropped.fields).toEqual([expect.objectContaining({ field: 'status', rule: 'coordinatorsOnly' })]);
    const noEvidence: ApiErrorBody = (
      await mef
        .patch(`/api/v1/committee/action-items/${item.id}`)
        .send({ version: item.version, status: 'done' })
        .expect(400)
    ).body;
    expect(noEvidence.fields).toEqual([expect.objectContaining({ field: 'closingEvidence', rule: 'evidenceToClose' })]);
    const moved: ActionItemView = (
      await mef
        .patch(`/api/v1/committee/action-items/${item.id}`)
        .send({ version: item.version, status: 'in_progress', note: 'Inventaire à 70 %' })
        .expect(200)
    ).body;
    expect(moved).toEqual(expect.objectContaining({ status: 'in_progress', overdue: true, daysOverdue: 1 }));
    expect(moved.notes).toEqual([expect.objectContaining({ body: 'Inventaire à 70 %', status: 'in_progress' })]);
    await mef
      .patch(`/api/v1/committee/action-items/${item.id}`)
      .send({ version: item.version, note: 'again' })
      .expect(409);
    // The owner's home lists it, flagged overdue; the committee's home counts it.
    const home = (await mef.get('/api/v1/home/administration/MEF').expect(200)).body;
    expect(home.actionItems.map((i: ActionItemView) => [i.reference, i.overdue])).toEqual([['R1-D1-A1', true]]);
    const committeeHome = (await committee.get('/api/v1/home/committee').expect(200)).body;
    expect(committeeHome.actionItems.open).toBe(3);
    expect(committeeHome.actionItems.overdue.map((i: ActionItemView) => i.reference)).toEqual(['R1-D1-A1']);
    const workbench = (await coordinator.get('/api/v1/home/workbench').expect(200)).body;
    expect(workbench.actionItems.overdue.map((i: ActionItemView) => i.reference)).toEqual(['R1-D1-A1']);
    // The list filters both ways (overdue=false once answered 500: found by `npm run fuzz`).
    const late: ActionItemView[] = (await committee.get('/api/v1/committee/action-items?overdue=true').expect(200))
      .body;
    expect(late.map((i) => i.reference)).toEqual(['R1-D1-A1']);
    const notLate: ActionItemView[] = (await committee.get('/api/v1/committee/action-items?overdue=false').expect(200))
      .body;
    expect(notLate.length).toBeGreaterThan(0);
    expect(notLate.some((i) => i.overdue || i.reference === 'R1-D1-A1')).toBe(false);
    // HCP's officer closes its own with evidence.
    const hcpItems: ActionItemView[] = (await hcp.get('/api/v1/committee/action-items').expect(200)).body;
    await hcp
      .patch(`/api/v1/committee/action-items/${hcpItems[0].id}`)
      .send({ version: hcpItems[0].version, status: 'done', closingEvidence: 'Plan transmis le 2 décembre' })
      .expect(200);
  });

  it('the next meeting proposes every open item and none that is done', async () => {
    const proposal: AgendaProposal = (await committee.get('/api/v1/committee/agenda-proposal').expect(200)).body;
    const refs = proposal.openActionItems.map((i) => i.reference);
    expect(refs).toEqual(['R1-D1-A1', 'R1-D1-A3']);
    const next: MeetingDetail = (
      await coordinator
        .post('/api/v1/committee/meetings')
        .send({ startsAt: at(addDays(today, 14)) })
        .expect(201)
    ).body;
    expect(next.number).toBe(2);
    expect(next.previousMeeting).toEqual(expect.objectContaining({ id: first.id, number: 1 }));
    const followed = next.agenda.filter((item) => item.actionItem).map((item) => item.actionItem!.reference);
    expect(followed).toEqual(['R1-D1-A1', 'R1-D1-A3']);
    expect(next.agenda[0].title.fr).toContain('procès-verbal');
    // The committee member reads the meeting and sees the rolled-forward items.
    const read: MeetingDetail = (await committee.get(`/api/v1/committee/meetings/${next.id}`).expect(200)).body;
    expect(read.agenda.some((item) => item.actionItem?.owner.code === 'MEF')).toBe(true);
    const list: MeetingSummary[] = (await committee.get('/api/v1/committee/meetings').expect(200)).body;
    expect(list.map((m) => m.number)).toEqual([2, 1]);
  });

  it('a member that left is not listed for a later meeting', async () => {
    const view: CommitteeView = (await coordinator.get('/api/v1/committee').expect(200)).body;
    const anrt = memberOf(view, 'ANRT');
    const leftOn = addDays(today, 1);
    await coordinator
      .patch(`/api/v1/committee/members/${anrt.id}`)
      .send({ version: anrt.version, leftOn: '2019-01-01' })
      .expect(400);
    await coordinator.patch(`/api/v1/committee/members/${anrt.id}`).send({ version: anrt.version, leftOn }).expect(200);
    const later: MeetingDetail = (
      await coordinator
        .post('/api/v1/committee/meetings')
        .send({ startsAt: at(addDays(today, 30)) })
        .expect(201)
    ).body;
    expect(later.attendance.map((a) => a.representative.institution.code)).toEqual(['HCP']);
    // The earlier meeting keeps its members as they were.
    const earlier: MeetingDetail = (await coordinator.get(`/api/v1/committee/meetings/${first.id}`).expect(200)).body;
    expect(earlier.attendance.map((a) => a.representative.institution.code).sort()).toEqual(['ANRT', 'HCP']);
    const after: CommitteeView = (await t.http.get('/api/v1/committee').expect(200)).body;
    expect(after.currentMemberCount).toBe(7);
    // A new member joins (measure 13) and is listed from its first day.
    await coordinator.post('/api/v1/committee/members').send({ institutionCode: 'CNDP', joinedOn: today }).expect(201);
    await coordinator.post('/api/v1/committee/members').send({ institutionCode: 'CNDP', joinedOn: today }).expect(400);
  });
});

describe('The meeting pack (real database, demo data)', () => {
  let t: TestApp;
  let committee: Client;
  let mef: Client;
  let meetings: MeetingSummary[];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    committee = await t.as({ role: 'COMMITTEE', email: 'pack@committee.ma' });
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.pack.ma' });
    meetings = (await committee.get('/api/v1/committee/meetings').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the demo has two held meetings and a planned one, with an overdue item', async () => {
    expect(meetings.map((m) => [m.number, m.status])).toEqual([
      [3, 'planned'],
      [2, 'held'],
      [1, 'held'],
    ]);
    const overdue: ActionItemView[] = (await committee.get('/api/v1/committee/action-items?overdue=true').expect(200))
      .body;
    expect(overdue.map((i) => i.owner.code)).toEqual(['MEF']);
    const done: ActionItemView[] = (await committee.get('/api/v1/committee/action-items?status=done').expect(200)).body;
    expect(done.length).toBe(2);
  });

  it('every figure of the pack equals the API’s figure for the same date', async () => {
    const planned = meetings[0];
    await mef.get(`/api/v1/committee/meetings/${planned.id}/pack?format=json`).expect(403);
    const pack: MeetingPack = (
      await committee.get(`/api/v1/committee/meetings/${planned.id}/pack?format=json`).expect(200)
    ).body;
    const plan: PlanDetail = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
    expect(pack.asOf).toBe(todayInMorocco());
    expect(pack.plan.progress).toBe(plan.progress);
    expect(pack.measures.map((m) => m.progress)).toEqual(plan.measures.map((m) => m.progress));
    const previousDay = pack.previous!.day;
    const then: PlanSnapshotDetail = (await t.http.get(`/api/v1/plans/PANDO-2021/history/${previousDay}`).expect(200))
      .body;
    expect(pack.plan.previousProgress).toBe(then.progress);
    expect(pack.measures.map((m) => m.previousProgress)).toEqual(then.measures.map((m) => m.progress));
    const late = plan.measures.flatMap((m) => m.activities).filter((a) => a.daysLate > 0);
    expect(pack.late.map((a) => [a.code, a.daysLate]).sort()).toEqual(late.map((a) => [a.code, a.daysLate]).sort());
    const openItems: ActionItemView[] = (await committee.get('/api/v1/committee/action-items?status=open').expect(200))
      .body;
    expect(pack.actionItems.open.map((i) => i.reference)).toEqual(openItems.map((i) => i.reference));
    const coverage = (await committee.get('/api/v1/coverage').expect(200)).body;
    expect(pack.coverage.withRod).toBe(coverage.withRod);
    expect(pack.meeting.agenda.filter((item) => item.actionItem).length).toBe(openItems.length);
  });

  it('renders the pack as printable HTML in Arabic, as XLSX, and as PDF where Chromium is installed', async () => {
    const planned = meetings[0];
    const html = await committee.get(`/api/v1/committee/meetings/${planned.id}/pack?format=html&lang=ar`).expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('dir="rtl"');
    expect(html.text).toContain('لجنة القيادة');
    const xlsx = await committee
      .get(`/api/v1/committee/meetings/${planned.id}/pack?format=xlsx&lang=fr`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    await committee.get(`/api/v1/committee/meetings/${planned.id}/pack?format=doc`).expect(400);
    const pdf = await committee
      .get(`/api/v1/committee/meetings/${planned.id}/pack?format=pdf&lang=ar`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium')) {
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'pack-'));
      writeFileSync(join(dir, 'pack.pdf'), pdf.body as Buffer);
      const text = execFileSync('pdftotext', [join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('لجنة القيادة');
      const plan: PlanDetail = (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
      // Extracted right to left, the figure and its unit may swap sides: the number itself (with the
      // Arabic pack's decimal comma) is what counts.
      expect(text).toContain(plan.progress!.toFixed(1).replace('.', ','));
    } else {
      expect(pdf.status).toBe(503);
      expect(JSON.parse((pdf.body as Buffer).toString()).code).toBe('PDF_UNAVAILABLE');
    }
  }, 60_000);
});
