import type { AppointmentView, AuditEventView, Page } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import type { Actor } from '../auth/actor';
import { headerOf } from '../imports/table-file.util';
import { APPOINTMENT_FIELD_RULES } from '../officers/officer-visibility';
import { OFFICER_COLUMNS } from '../officers/officers-import.service';
import { Activity } from '../plan/entities/activity.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { AuditService, REDACTED } from './audit.service';

/**
 * Issue #9, finding 2: officers' contacts (law 09-08) must not leak through the
 * audit trail to readers who may not see them in the officers' own views, and
 * the IP address and user agent of each request are for admins (and the actor) only.
 */
describe('Audit trail: personal data is redacted for those who may not see it', () => {
  let t: TestApp;
  let coordinator: Client;
  let otherCoordinator: Client;
  let committee: Client;
  let admin: Client;
  let manual: AppointmentView;

  const AGENT = 'jest-redaction-agent/1.0';
  const manualRod = {
    role: 'ROD',
    fullName: { fr: 'Hidden Person', ar: 'شخص محجوب' },
    email: 'hidden.person@finances.gov.ma',
    phone: '+212 537 11 22 33',
    position: 'Chef de service',
    appointedOn: '2026-01-15',
    actReference: 'Décision secrète 7/2026',
    publicConsent: false,
  };
  const newPhone = '+212 661 99 88 77';
  const imported = { email: 'imported.gdd@hcp.ma', phone: '+212 522 44 55 66', name: 'Imported Person' };
  const secrets = [manualRod.email, manualRod.phone, newPhone, imported.email, imported.phone];

  const auditText = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/audit-events?${query}`).expect(200);
    return { text: response.text.toLowerCase(), page: response.body as Page<AuditEventView> };
  };
  const expectNone = (text: string, values: string[]) => {
    for (const value of values) expect(text).not.toContain(value.toLowerCase());
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    otherCoordinator = await t.as({ role: 'COORDINATOR', email: 'second-coordinator@test.ma' });
    committee = await t.as('COMMITTEE');
    admin = await t.as('ADMIN');

    // By hand: an appointment without consent, then its phone corrected (a before and an after both hold a contact).
    manual = (
      await coordinator.post('/api/v1/institutions/MEF/officers').set('User-Agent', AGENT).send(manualRod).expect(201)
    ).body;
    manual = (
      await coordinator
        .patch(`/api/v1/officers/${manual.id}`)
        .set('User-Agent', AGENT)
        .send({ version: manual.version, phone: newPhone })
        .expect(200)
    ).body;

    // From a spreadsheet: a GdD without consent.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('officers');
    sheet.addRow(OFFICER_COLUMNS.map(headerOf));
    const row: Record<string, string> = {
      institution_code: 'HCP',
      role: 'GDD',
      status: 'active',
      full_name_fr: imported.name,
      email: imported.email,
      phone: imported.phone,
      appointed_on: '2026-02-01',
      public_consent: 'non',
    };
    sheet.addRow(OFFICER_COLUMNS.map((c) => row[c.key] ?? ''));
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    await coordinator
      .post('/api/v1/officers/import')
      .set('User-Agent', AGENT)
      .attach('file', file, 'officers.xlsx')
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the audit trail holds both appointments, by hand and imported, with their contacts', async () => {
    const { page } = await auditText(coordinator, 'entityType=officer-appointment');
    expect(page.items.map((e) => e.action).sort()).toEqual(['officer.appoint', 'officer.appoint', 'officer.update']);
    // Every field these events record has its rule: a new field must be classified (unknown ones count as contacts).
    const fields = new Set(page.items.flatMap((e) => Object.keys(e.diff)));
    expect([...fields].filter((field) => !Object.hasOwn(APPOINTMENT_FIELD_RULES, field))).toEqual([]);
  });

  it('hides the contacts of an officer without consent from a committee member (audit page and entity history)', async () => {
    const { text, page } = await auditText(committee, 'entityType=officer-appointment');
    expect(page.total).toBe(3);
    expectNone(text, secrets);
    const appoint = page.items.find(
      (e) => e.entityId === manual.id && e.action === 'officer.appoint',
    ) as AuditEventView;
    expect(appoint.diff['email']).toEqual({ before: null, after: REDACTED });
    expect(appoint.diff['phone']).toEqual({ before: null, after: REDACTED });
    expect(appoint.diff['actReference']).toEqual({ before: null, after: REDACTED });
    // The committee sees names, as in the officers' views; not the contacts.
    expect(appoint.diff['fullName'].after).toEqual({ fr: 'Hidden Person', ar: 'شخص محجوب' });
    expect(appoint.diff['role']).toEqual({ before: null, after: 'ROD' });
    const update = page.items.find((e) => e.action === 'officer.update') as AuditEventView;
    expect(update.diff['phone']).toEqual({ before: REDACTED, after: REDACTED });
    const importedEvent = page.items.find((e) => e.entityId !== manual.id) as AuditEventView;
    expect(importedEvent.diff['email']).toEqual({ before: null, after: REDACTED });
    expect(importedEvent.diff['institution']).toEqual({ before: null, after: 'HCP' });

    // The appointment's own history on the administration page reads the same endpoint.
    const history = await auditText(committee, `entityType=officer-appointment&entityId=${manual.id}`);
    expect(history.page.total).toBe(2);
    expectNone(history.text, secrets);
    // Unfiltered, too.
    expectNone((await auditText(committee, 'pageSize=100')).text, secrets);
  });

  it('hides contacts, and the name without consent, from an admin', async () => {
    const { text, page } = await auditText(admin, 'entityType=officer-appointment');
    expectNone(text, [...secrets, 'Hidden Person', imported.name, 'Chef de service']);
    const appoint = page.items.find(
      (e) => e.entityId === manual.id && e.action === 'officer.appoint',
    ) as AuditEventView;
    expect(appoint.diff['fullName']).toEqual({ before: null, after: REDACTED });
    expect(appoint.diff['email']).toEqual({ before: null, after: REDACTED });
    expectNone((await auditText(admin, 'pageSize=100')).text, secrets);
  });

  it('shows everything to a coordinator, who sees every officer’s contacts', async () => {
    const { text } = await auditText(coordinator, 'entityType=officer-appointment');
    for (const value of secrets) expect(text).toContain(value.toLowerCase());
    expect(text).toContain('hidden person');
    expect(text).not.toContain(REDACTED.toLowerCase());
  });

  it('refuses the audit trail to officers, of this administration or another', async () => {
    const own = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.test' });
    const other = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.test' });
    await own.get('/api/v1/audit-events?entityType=officer-appointment').expect(403);
    await other.get('/api/v1/audit-events?entityType=officer-appointment').expect(403);
  });

  it('redacts the same way in AuditService.historyOf, and hides everything when no reader is given', async () => {
    const audit = t.app.get(AuditService);
    const reader = (role: Actor['role'], userId = '00000000-0000-4000-8000-000000000000'): Actor => ({
      userId,
      displayName: role,
      email: `${role}@x.ma`,
      role,
      institutionId: null,
      institutionCode: null,
      sessionId: 's',
      csrfToken: 'c',
    });
    const asText = (events: AuditEventView[]) => JSON.stringify(events).toLowerCase();
    expectNone(asText(await audit.historyOf(['officer-appointment'], [manual.id])), secrets);
    expectNone(asText(await audit.historyOf(['officer-appointment'], [manual.id], reader('COMMITTEE'))), secrets);
    expectNone(asText(await audit.historyOf(['officer-appointment'], [manual.id], reader('ADMIN'))), secrets);
    expect(asText(await audit.historyOf(['officer-appointment'], [manual.id], reader('COORDINATOR')))).toContain(
      manualRod.email,
    );
  });

  it('shows the IP address and user agent to admins and to the actor only; every reader keeps the request id', async () => {
    const query = `entityType=officer-appointment&entityId=${manual.id}`;
    for (const reader of [committee, otherCoordinator]) {
      const { text, page } = await auditText(reader, query);
      expect(text).not.toContain(AGENT);
      for (const event of page.items) {
        expect(event.ip).toBeNull();
        expect(event.userAgent).toBeNull();
        expect(event.requestId).toEqual(expect.any(String));
      }
    }
    for (const reader of [admin, coordinator]) {
      const { page } = await auditText(reader, query);
      expect(page.items.map((e) => e.userAgent)).toEqual([AGENT, AGENT]);
      expect(page.items.every((e) => typeof e.ip === 'string' && e.ip.length > 0)).toBe(true);
    }
  });

  it('does not show the IP address or user agent in an activity history to a committee member', async () => {
    const target = await t.dataSource.getRepository(Activity).findOneByOrFail({ code: '2.2' });
    await coordinator
      .patch(`/api/v1/activities/${target.id}`)
      .set('User-Agent', AGENT)
      .send({ version: target.version, weight: 3 })
      .expect(200);
    const response = await committee.get(`/api/v1/activities/${target.id}/history`).expect(200);
    expect(response.text).not.toContain(AGENT);
    expect((response.body as AuditEventView[])[0].requestId).toEqual(expect.any(String));
  });

  it('hides account emails in account events from everyone but admins and the account holder', async () => {
    const created = await admin.post('/api/v1/users').send({
      email: 'account.holder@mef.gov.ma',
      displayName: 'Account Holder',
      role: 'OFFICER',
      institutionCode: 'MEF',
    });
    expect(created.status).toBe(201);
    expectNone((await auditText(committee, 'entityType=user')).text, ['account.holder@mef.gov.ma']);
    expectNone((await auditText(coordinator, 'entityType=user')).text, ['account.holder@mef.gov.ma']);
    expect((await auditText(admin, 'entityType=user')).text).toContain('account.holder@mef.gov.ma');
  });

  it('follows the current consent: the name shows once the officer consents, contacts never do', async () => {
    const [before] = (await coordinator.get('/api/v1/institutions/MEF/officers').expect(200)).body as AppointmentView[];
    await coordinator
      .patch(`/api/v1/officers/${before.id}`)
      .send({ version: before.version, publicConsent: true })
      .expect(200);
    const { text, page } = await auditText(admin, `entityType=officer-appointment&entityId=${manual.id}`);
    const appoint = page.items.find((e) => e.action === 'officer.appoint') as AuditEventView;
    expect(appoint.diff['fullName'].after).toEqual({ fr: 'Hidden Person', ar: 'شخص محجوب' });
    expectNone(text, secrets);
    await coordinator
      .patch(`/api/v1/officers/${before.id}`)
      .send({ version: before.version + 1, publicConsent: false })
      .expect(200);
  });
});
