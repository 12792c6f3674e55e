import type { ImportPreview } from '@marsad/contracts';
import ExcelJS from 'exceljs';
import { AuditEvent } from '../audit/audit-event.entity';
import { headerOf } from '../imports/table-file.util';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { InventoryItem } from './entities/inventory-item.entity';
import { INVENTORY_COLUMNS } from './inventory-import.service';

type Row = Record<string, string>;

async function xlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('inventory');
  sheet.addRow(INVENTORY_COLUMNS.map(headerOf));
  for (const row of rows) sheet.addRow(INVENTORY_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Importing and exporting an inventory', () => {
  let t: TestApp;
  let mefOfficer: Client;
  let mefId: string;

  beforeAll(async () => {
    t = await startTestApp();
    mefOfficer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.test' });
    mefId = (await t.dataSource.query(`SELECT id FROM institutions WHERE code = 'MEF'`))[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const items = (): Row[] =>
    Array.from({ length: 40 }, (_, i) => ({
      reference: `MEF-${String(i + 1).padStart(3, '0')}`,
      title_fr: `Jeu de données ${i + 1}`,
      title_ar: `مجموعة معطيات ${i + 1}`,
      description: i % 3 ? '' : 'Données budgétaires',
      theme: 'ECON',
      owning_unit: 'Direction du Budget',
      classification: i % 4 === 3 ? 'restricted' : 'open',
      legal_basis: i % 4 === 3 ? 'Loi 09-08' : '',
      priority: 'high',
      planned_date: '2026-09-30',
      frequency: i % 2 ? 'mensuelle' : 'annual',
      formats: 'csv; .xlsx, CSV',
      status: 'in_preparation',
      public: i % 4 === 3 ? 'non' : i % 2 ? 'oui' : 'non',
    }));
  const count = () => t.dataSource.getRepository(InventoryItem).countBy({ institutionId: mefId });
  const auditCount = () => t.dataSource.getRepository(AuditEvent).countBy({ entityType: 'inventory_item' });
  const upload = (client: Client, path: string, bytes: Buffer, name = 'inventory.xlsx') =>
    client.post(path).attach('file', bytes, name);
  const PREVIEW = '/api/v1/institutions/MEF/inventory/import/preview';
  const IMPORT = '/api/v1/institutions/MEF/inventory/import';

  it('previews 40 rows with 3 bad ones: exactly those, why, in the caller’s language, and nothing written', async () => {
    const rows = items();
    rows[4].classification = 'restricted'; // row 6: no legal basis, and public
    rows[4].public = 'oui';
    rows[11].planned_date = '31/09/2026'; // row 13
    rows[20].reference = rows[19].reference; // row 22 repeats row 21
    const file = await xlsx(rows);
    const preview: ImportPreview = (await upload(mefOfficer, PREVIEW, file).set('Accept-Language', 'fr').expect(200))
      .body;
    expect(preview).toEqual(expect.objectContaining({ rows: 40, valid: 37, create: 37, update: 0, unchanged: 0 }));
    expect(preview.issues.map((i) => [i.row, i.column, i.rule, i.value])).toEqual([
      [6, 'legal_basis', 'legalBasisRequired', ''],
      [6, 'public', 'publicNeedsOpen', 'oui'],
      [13, 'planned_date', 'isIsoDate', '31/09/2026'],
      [22, 'reference', 'duplicateReference', 'MEF-020'],
    ]);
    expect(preview.issues[3].message).toBe('reference : la même référence figure déjà à la ligne 21');
    const arabic: ImportPreview = (await upload(mefOfficer, PREVIEW, file).set('Accept-Language', 'ar').expect(200))
      .body;
    expect(arabic.issues[2].message).toBe('planned_date يجب أن يكون تاريخا (YYYY-MM-DD)');
    expect(await count()).toBe(0);

    const refused = await upload(mefOfficer, IMPORT, file).expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'row 6.legal_basis',
      'row 6.public',
      'row 13.planned_date',
      'row 22.reference',
    ]);
    expect(await count()).toBe(0);
  });

  it('imports the corrected file in one go, and again changes nothing', async () => {
    const file = await xlsx(items());
    const preview: ImportPreview = (await upload(mefOfficer, PREVIEW, file).expect(200)).body;
    expect(preview).toEqual(expect.objectContaining({ issues: [], create: 40, update: 0, unchanged: 0 }));
    const before = await auditCount();
    expect((await upload(mefOfficer, IMPORT, file).expect(200)).body).toEqual({
      created: 40,
      updated: 0,
      unchanged: 0,
    });
    expect(await count()).toBe(40);
    expect(await auditCount()).toBe(before + 40);
    const first = await t.dataSource
      .getRepository(InventoryItem)
      .findOneByOrFail({ institutionId: mefId, reference: 'MEF-002' });
    expect(first).toEqual(
      expect.objectContaining({
        formats: ['CSV', 'XLSX'],
        frequency: 'monthly',
        public: true,
        status: 'in_preparation',
        plannedDate: '2026-09-30',
      }),
    );

    expect((await upload(mefOfficer, IMPORT, file).expect(200)).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 40,
    });
    expect(await auditCount()).toBe(before + 40);
    expect((await t.dataSource.getRepository(InventoryItem).findOneByOrFail({ id: first.id })).version).toBe(
      first.version,
    );

    // One changed row updates that one item only, and says so in the audit trail.
    const rows = items();
    rows[1].priority = 'low';
    expect((await upload(mefOfficer, IMPORT, await xlsx(rows)).expect(200)).body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 39,
    });
    const [event] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { entityId: first.id }, order: { occurredAt: 'DESC' }, take: 1 });
    expect(event.action).toBe('inventory.import');
    expect(event.diff).toEqual({ priority: { before: 'high', after: 'low' }, via: { before: null, after: 'import' } });
  });

  it('writes nothing when a failure strikes midway', async () => {
    const rows = items().map((row) => ({ ...row, reference: `NEW-${row.reference}` }));
    await t.dataSource.query(`CREATE FUNCTION fail_inventory() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reference = 'NEW-MEF-030' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER fail_inventory BEFORE INSERT ON inventory_items FOR EACH ROW EXECUTE FUNCTION fail_inventory()`,
    );
    const before = { rows: await count(), audit: await auditCount() };
    try {
      await upload(mefOfficer, IMPORT, await xlsx(rows)).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_inventory ON inventory_items`);
      await t.dataSource.query(`DROP FUNCTION fail_inventory()`);
    }
    expect(await count()).toBe(before.rows);
    expect(await auditCount()).toBe(before.audit);
  });

  it('keeps scoped roles to their own administration, lets coordinators import anywhere, and needs the columns', async () => {
    const hcpOfficer = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.test' });
    const csv = `\uFEFFreference,Intitulé (français),العنوان (بالعربية),classification,formats,public\nHCP-1,Population,السكان,open,"text/csv, json",نعم\n`;
    await upload(hcpOfficer, PREVIEW, Buffer.from(csv), 'i.csv').expect(403);
    await upload(hcpOfficer, IMPORT, Buffer.from(csv), 'i.csv').expect(403);
    await t.http.post(PREVIEW).attach('file', Buffer.from(csv), 'i.csv').expect(401);
    expect(
      (await upload(hcpOfficer, '/api/v1/institutions/HCP/inventory/import', Buffer.from(csv), 'i.csv').expect(200))
        .body,
    ).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const coordinator = await t.as('COORDINATOR');
    expect(
      (await upload(coordinator, '/api/v1/institutions/HCP/inventory/import', Buffer.from(csv), 'i.csv').expect(200))
        .body,
    ).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const [row] = await t.dataSource.query(
      `SELECT title, formats, public FROM inventory_items WHERE reference = 'HCP-1'`,
    );
    expect(row).toEqual({ title: { fr: 'Population', ar: 'السكان' }, formats: ['CSV', 'JSON'], public: true });
    const noColumns = await upload(mefOfficer, PREVIEW, Buffer.from('a,b\n1,2\n'), 'i.csv').expect(400);
    expect(noColumns.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'column reference',
      'column title_fr',
      'column title_ar',
      'column classification',
    ]);
    await upload(mefOfficer, PREVIEW, Buffer.from('reference,title_fr,title_ar,classification\n'), 'i.csv').expect(400);
  });

  it('exports what the list shows: public items only for outsiders, everything for the administration', async () => {
    const publicCsv = (
      await t.http.get('/api/v1/institutions/MEF/inventory/export?format=csv').buffer(true).expect(200)
    ).text;
    expect(publicCsv.charCodeAt(0)).toBe(0xfeff);
    expect(publicCsv).toContain('المرجع');
    const references = (text: string) =>
      text
        .split('\n')
        .slice(1)
        .filter((line) => line.trim())
        .map((line) => line.split(',')[0]);
    const expectedPublic = items()
      .filter((row) => row.public === 'oui')
      .map((row) => row.reference);
    expect(references(publicCsv)).toEqual(expectedPublic);
    const ownCsv = (
      await mefOfficer.get('/api/v1/institutions/MEF/inventory/export?format=csv').buffer(true).expect(200)
    ).text;
    expect(references(ownCsv)).toHaveLength(40);
    const filtered = (
      await mefOfficer
        .get('/api/v1/institutions/MEF/inventory/export?format=csv&classification=restricted')
        .buffer(true)
        .expect(200)
    ).text;
    expect(references(filtered)).toHaveLength(10);

    // An exported file imports back as it is.
    const xlsxFile = await mefOfficer
      .get('/api/v1/institutions/MEF/inventory/export')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((await upload(mefOfficer, IMPORT, xlsxFile.body as Buffer).expect(200)).body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 40,
    });

    const template = await t.http.get('/api/v1/inventory/import-template?format=csv').buffer(true).expect(200);
    expect(template.text).toContain('(reference)');
    expect(template.text).toContain('العنوان (بالعربية)');
  });
});
