import type { ImportPreview } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { AuditEvent } from '../audit/audit-event.entity';
import { headerOf } from '../imports/table-file.util';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import { OFFICER_COLUMNS } from './officers-import.service';

type Row = Record<string, string>;

async function xlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('officers');
  sheet.addRow(OFFICER_COLUMNS.map(headerOf));
  for (const row of rows) sheet.addRow(OFFICER_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Importing and exporting officers', () => {
  let t: TestApp;
  let coordinator: Client;
  let communes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    communes = (
      await t.dataSource.query(`SELECT code FROM institutions WHERE type = 'commune' ORDER BY code LIMIT 500`)
    ).map((r: { code: string }) => r.code);
  });
  afterAll(async () => {
    await t?.close();
  });

  const officers = (role = 'ROD'): Row[] =>
    communes.map((code, i) => ({
      institution_code: code,
      role,
      status: 'active',
      full_name_fr: `Agent ${i + 1}`,
      full_name_ar: `الموظف ${i + 1}`,
      email: `${role.toLowerCase()}${i + 1}@commune.ma`,
      phone: '+212 5 22 00 00 00',
      position: 'Secrétaire général',
      appointed_on: '2026-02-01',
      public_consent: i % 2 ? 'oui' : 'non',
    }));
  const count = () => t.dataSource.getRepository(OfficerAppointment).count();
  const auditCount = () => t.dataSource.getRepository(AuditEvent).count();
  const upload = (path: string, bytes: Buffer, name = 'officers.xlsx') =>
    coordinator.post(path).attach('file', bytes, name);

  it('previews 500 rows with 2 bad ones: exactly those two, why, and nothing written', async () => {
    const rows = officers();
    rows[99].email = 'not-an-email'; // spreadsheet row 101
    rows[299].appointed_on = '31/02/2026'; // spreadsheet row 301
    const file = await xlsx(rows);
    const preview: ImportPreview = (
      await upload('/api/v1/officers/import/preview', file).set('Accept-Language', 'fr').expect(200)
    ).body;
    expect(preview.rows).toBe(500);
    expect(preview.valid).toBe(498);
    expect(preview.issues.map((i) => [i.row, i.column, i.rule, i.value])).toEqual([
      [101, 'email', 'isEmail', 'not-an-email'],
      [301, 'appointed_on', 'isIsoDate', '31/02/2026'],
    ]);
    expect(preview.issues[0].message).toBe('email doit être une adresse e-mail');
    expect(await count()).toBe(0);

    const refused = await upload('/api/v1/officers/import', file).expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'row 101.email',
      'row 301.appointed_on',
    ]);
    expect(await count()).toBe(0);
  });

  it('imports the corrected 500 in one go, and again changes nothing', async () => {
    const file = await xlsx(officers());
    const preview: ImportPreview = (await upload('/api/v1/officers/import/preview', file).expect(200)).body;
    expect(preview).toEqual(expect.objectContaining({ issues: [], create: 500, update: 0, unchanged: 0 }));
    const before = await auditCount();
    expect((await upload('/api/v1/officers/import', file).expect(200)).body).toEqual({
      created: 500,
      updated: 0,
      unchanged: 0,
    });
    expect(await count()).toBe(500);
    expect(await auditCount()).toBe(before + 500);
    expect((await upload('/api/v1/officers/import', file).expect(200)).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 500,
    });
    expect(await auditCount()).toBe(before + 500);

    // A changed phone on one row updates that one appointment only.
    const rows = officers();
    rows[7].phone = '+212 6 00 00 00 07';
    expect((await upload('/api/v1/officers/import', await xlsx(rows)).expect(200)).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 499,
    });
  });

  it('writes nothing when a failure strikes at row 400', async () => {
    const rows = officers('GDD');
    await t.dataSource.query(`CREATE FUNCTION fail_row_400() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.email = '${rows[398].email}' THEN RAISE EXCEPTION 'injected failure at row 400'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER fail_row_400 BEFORE INSERT ON officer_appointments FOR EACH ROW EXECUTE FUNCTION fail_row_400()`,
    );
    const before = { rows: await count(), audit: await auditCount() };
    try {
      await upload('/api/v1/officers/import', await xlsx(rows)).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_row_400 ON officer_appointments`);
      await t.dataSource.query(`DROP FUNCTION fail_row_400()`);
    }
    expect(await count()).toBe(before.rows);
    expect(await auditCount()).toBe(before.audit);
  });

  it('refuses a second active ROD for an administration, in the file or against the register', async () => {
    const rows = officers().slice(0, 2);
    rows[1].institution_code = rows[0].institution_code;
    rows[1].email = 'another@commune.ma';
    const preview: ImportPreview = (await upload('/api/v1/officers/import/preview', await xlsx(rows)).expect(200)).body;
    expect(preview.issues.map((i) => `${i.row}:${i.column}:${i.rule}`)).toEqual(['3:status:oneActiveRod']);
    const single = [{ ...rows[1] }];
    const againstRegister: ImportPreview = (
      await upload('/api/v1/officers/import/preview', await xlsx(single)).expect(200)
    ).body;
    expect(againstRegister.issues.map((i) => `${i.row}:${i.rule}`)).toEqual(['2:oneActiveRod']);
  });

  it('keeps officers to their own administration, reads CSV with Arabic, and needs the columns', async () => {
    const officer = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod.import@hcp.ma' });
    const csv = `\uFEFFinstitution_code,role,full_name_ar,email,appointed_on\nHCP,GDD,سعاد بناني,souad@hcp.ma,2026-03-01\nMEF,GDD,x,x@mef.ma,2026-03-01\n`;
    const preview: ImportPreview = (
      await officer.post('/api/v1/officers/import/preview').attach('file', Buffer.from(csv), 'o.csv').expect(200)
    ).body;
    expect(preview.issues.map((i) => `${i.row}:${i.column}:${i.rule}`)).toEqual([
      '3:institution_code:otherInstitution',
    ]);
    const ok = `institution_code,role,full_name_ar,email,appointed_on\nHCP,GDD,سعاد بناني,souad@hcp.ma,2026-03-01\n`;
    await officer.post('/api/v1/officers/import').attach('file', Buffer.from(ok), 'o.csv').expect(200);
    const [row] = await t.dataSource.getRepository(OfficerAppointment).findBy({ email: 'souad@hcp.ma' });
    expect(row.fullName).toEqual({ ar: 'سعاد بناني' });
    const noColumns = await officer
      .post('/api/v1/officers/import/preview')
      .attach('file', Buffer.from('a,b\n1,2\n'), 'o.csv')
      .expect(400);
    expect(noColumns.body.fields.map((f: { rule: string }) => f.rule)).toEqual([
      'missingColumn',
      'missingColumn',
      'missingColumn',
      'missingColumn',
    ]);
    await t.http.post('/api/v1/officers/import/preview').attach('file', Buffer.from(ok), 'o.csv').expect(401);
  });

  it('exports with Arabic intact and contacts only for those allowed', async () => {
    const publicCsv = (await t.http.get('/api/v1/officers/export?format=csv&role=ROD').buffer(true).expect(200)).text;
    expect(publicCsv.charCodeAt(0)).toBe(0xfeff);
    expect(publicCsv).toContain('رمز الإدارة');
    expect(publicCsv).not.toContain('@commune.ma');
    expect(publicCsv).toContain('الموظف 2'); // consented (even rows say oui)
    expect(publicCsv).not.toContain('الموظف 1,');
    const coordinatorCsv = (
      await coordinator.get('/api/v1/officers/export?format=csv&role=ROD').buffer(true).expect(200)
    ).text;
    expect(coordinatorCsv).toContain('rod1@commune.ma');
    const xlsxFile = await coordinator
      .get('/api/v1/officers/export')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxFile.body as ArrayBuffer);
    expect(workbook.worksheets[0].rowCount).toBeGreaterThan(500);
    const template = await t.http.get('/api/v1/officers/import-template?format=csv').buffer(true).expect(200);
    expect(template.text).toContain('(institution_code)');
  });
});
