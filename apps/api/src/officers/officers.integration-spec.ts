import type { AppointmentView } from '@marsad/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { OfficerAppointment } from './entities/officer-appointment.entity';

describe('Open-data officers and data managers', () => {
  let t: TestApp;
  let coordinator: Client;
  let mefOfficer: Client;
  let hcpOfficer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    mefOfficer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.test' });
    hcpOfficer = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.test' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rod = {
    role: 'ROD',
    fullName: { fr: 'Amina Tazi', ar: 'أمينة التازي' },
    email: 'Amina.Tazi@finances.gov.ma',
    phone: '+212 537 00 00 00',
    position: 'Chef de division SI',
    appointedOn: '2026-01-15',
    actReference: 'Décision n° 12/2026',
    actDate: '2026-01-10',
  };

  it('appoints a ROD, records it in the audit trail, and shows contacts only to those allowed', async () => {
    const created: AppointmentView = (await mefOfficer.post('/api/v1/institutions/MEF/officers').send(rod).expect(201))
      .body;
    expect(created).toEqual(
      expect.objectContaining({
        role: 'ROD',
        status: 'active',
        email: 'amina.tazi@finances.gov.ma',
        phone: '+212 537 00 00 00',
      }),
    );
    const events = await t.dataSource.getRepository(AuditEvent).findBy({ entityId: created.id });
    expect(events.map((e) => e.action)).toEqual(['officer.appoint']);

    const publicView: AppointmentView[] = (await t.http.get('/api/v1/institutions/MEF/officers').expect(200)).body;
    expect(publicView[0]).toEqual(
      expect.objectContaining({ role: 'ROD', email: null, phone: null, fullName: null, act: null }),
    );
    const otherInstitution: AppointmentView[] = (await hcpOfficer.get('/api/v1/institutions/MEF/officers').expect(200))
      .body;
    expect(otherInstitution[0].email).toBeNull();
    const coordinatorView: AppointmentView[] = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200))
      .body;
    expect(coordinatorView[0].email).toBe('amina.tazi@finances.gov.ma');
    expect(coordinatorView[0].act).toEqual({
      reference: 'Décision n° 12/2026',
      date: '2026-01-10',
      hasDocument: false,
    });
  });

  it('shows the name publicly once the person consents', async () => {
    const [current] = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200))
      .body as AppointmentView[];
    await coordinator
      .patch(`/api/v1/officers/${current.id}`)
      .send({ version: current.version, publicConsent: true })
      .expect(200);
    const [publicRow] = (await t.http.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    expect(publicRow.fullName).toEqual({ ar: 'أمينة التازي', fr: 'Amina Tazi' });
    expect(publicRow.email).toBeNull();
  });

  it('keeps one active ROD per administration, an interim may stand in', async () => {
    const second = await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, email: 'other@finances.gov.ma' })
      .expect(400);
    expect(second.body.fields).toEqual([expect.objectContaining({ field: 'status', rule: 'oneActiveRod' })]);
    await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, status: 'interim', email: 'interim@finances.gov.ma' })
      .expect(201);
    await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, role: 'GDD', email: 'gdd1@finances.gov.ma' })
      .expect(201);
    await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, role: 'GDD', email: 'gdd2@finances.gov.ma' })
      .expect(201);
    expect(await t.dataSource.getRepository(OfficerAppointment).countBy({ status: 'active', role: 'ROD' })).toBe(1);
  });

  it('ends an appointment without deleting it, then allows a new ROD', async () => {
    const list = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    const active = list.find((a) => a.role === 'ROD' && a.status === 'active') as AppointmentView;
    const early = await coordinator
      .post(`/api/v1/officers/${active.id}/end`)
      .send({ version: active.version, endedOn: '2025-01-01', reason: 'Mutation' })
      .expect(400);
    expect(early.body.fields).toEqual([expect.objectContaining({ field: 'endedOn', rule: 'min' })]);
    await coordinator
      .post(`/api/v1/officers/${active.id}/end`)
      .send({ version: active.version - 1, endedOn: '2026-06-30', reason: 'Mutation' })
      .expect(409);
    const ended: AppointmentView = (
      await coordinator
        .post(`/api/v1/officers/${active.id}/end`)
        .send({ version: active.version, endedOn: '2026-06-30', reason: 'Mutation' })
        .expect(200)
    ).body;
    expect(ended).toEqual(expect.objectContaining({ status: 'ended', endedOn: '2026-06-30', endReason: 'Mutation' }));
    await coordinator
      .patch(`/api/v1/officers/${active.id}`)
      .send({ version: ended.version, phone: '+212 600 000 000' })
      .expect(400);
    await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, email: 'successor@finances.gov.ma', appointedOn: '2026-07-01' })
      .expect(201);
    expect(await t.dataSource.getRepository(OfficerAppointment).countBy({ role: 'ROD' })).toBe(3);
  });

  it('flags the same email active in two administrations', async () => {
    await coordinator
      .post('/api/v1/institutions/HCP/officers')
      .send({ ...rod, role: 'GDD', email: 'gdd1@finances.gov.ma' })
      .expect(201);
    const hcp = (await coordinator.get('/api/v1/institutions/HCP/officers').expect(200)).body as AppointmentView[];
    expect(hcp.find((a) => a.email === 'gdd1@finances.gov.ma')?.emailActiveElsewhere).toBe(true);
    const mef = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    expect(mef.find((a) => a.email === 'successor@finances.gov.ma')?.emailActiveElsewhere).toBe(false);
  });

  it('keeps officers to their own administration', async () => {
    await hcpOfficer
      .post('/api/v1/institutions/MEF/officers')
      .send({ ...rod, role: 'GDD', email: 'x@hcp.ma' })
      .expect(403);
    const mef = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    await hcpOfficer
      .patch(`/api/v1/officers/${mef[0].id}`)
      .send({ version: mef[0].version, phone: '+212 611 111 111' })
      .expect(403);
    await (await t.as('COMMITTEE')).post('/api/v1/institutions/MEF/officers').send(rod).expect(403);
    await t.http.post('/api/v1/institutions/MEF/officers').send(rod).expect(401);
  });

  it('stores the appointing act (PDF or image only) and serves it to the administration, not to others', async () => {
    const [row] = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    await mefOfficer
      .post(`/api/v1/officers/${row.id}/act`)
      .attach('file', Buffer.from('PK\u0003\u0004 zip'), 'acte.pdf')
      .expect(415);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const updated: AppointmentView = (
      await mefOfficer.post(`/api/v1/officers/${row.id}/act`).attach('file', pdf, 'acte.pdf').expect(200)
    ).body;
    expect(updated.act?.hasDocument).toBe(true);
    await mefOfficer.get(`/api/v1/officers/${row.id}/act`).expect(200).expect('content-type', 'application/pdf');
    await hcpOfficer.get(`/api/v1/officers/${row.id}/act`).expect(403);
  });

  it('validates names, emails, phones and dates per field', async () => {
    const bad = await coordinator
      .post('/api/v1/institutions/MEF/officers')
      .set('Accept-Language', 'fr')
      .send({ role: 'CDO', fullName: { ar: ' ' }, email: 'not-an-email', phone: 'call me', appointedOn: '2026-13-01' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`).sort()).toEqual([
      'appointedOn:isIsoDate',
      'email:isEmail',
      'fullName:hasSomeName',
      'phone:matches',
      'role:isIn',
    ]);
    await coordinator.post('/api/v1/institutions/NOPE/officers').send(rod).expect(404);
  });
});
