import type { ActivityDetail, ApiErrorBody, MeasureDetail, PlanDetail } from '@marsad/contracts';
import { Activity } from './entities/activity.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('The plan over HTTP (real database)', () => {
  let t: TestApp;
  let coordinator: Client;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
  });
  afterAll(async () => {
    await t?.close();
  });

  const plan = async (query = ''): Promise<PlanDetail> =>
    (await t.http.get(`/api/v1/plans/PANDO-2021${query}`).expect(200)).body;
  const measureOf = (body: PlanDetail, number: number) => {
    const found = body.measures.find((m) => m.number === number);
    if (!found) throw new Error(`measure ${number} not in the response`);
    return found;
  };
  const activityByCode = async (code: string) =>
    (await t.dataSource.getRepository(Activity).findOneByOrFail({ code })) as Activity;

  it('serves the 2021 plan: 13 measures, 26 activities, each titled in ar, fr and en', async () => {
    const body = await plan();
    expect(body.code).toBe('PANDO-2021');
    expect(body.measures).toHaveLength(13);
    expect(body.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const activities = body.measures.flatMap((m) => m.activities);
    expect(activities).toHaveLength(26);
    expect(body.activityCount).toBe(26);
    for (const item of [...body.measures, ...activities]) {
      for (const locale of ['ar', 'fr', 'en'] as const) expect(item.title[locale].length).toBeGreaterThan(5);
    }
    expect(body.measures[9].title.fr).toContain('Imtiaz');
    expect(body.measures[0].leadInstitution?.code).toBe('ADD');
    expect(body.demo).toBe(false);
    // Nothing reported yet: every activity at 0 %, on track.
    expect(body.progress).toBe(0);
    expect(body.statusCounts.not_started).toBe(26);
  });

  it('lists plans and institutions', async () => {
    const plans = (await t.http.get('/api/v1/plans').expect(200)).body;
    expect(plans).toHaveLength(1);
    const institutions = (await t.http.get('/api/v1/institutions').expect(200)).body;
    expect(institutions.total).toBe(130 + 12 + 83 + 1503);
    // Ministries come first, then the other central bodies, then the territorial levels.
    expect(institutions.items[0].type).toBe('ministry');
    const committee = (await t.http.get('/api/v1/institutions?q=ADD').expect(200)).body;
    expect(committee.items.map((i: { code: string }) => i.code)).toContain('ADD');
  });

  it('answers unknown plans, measures and activities with 404, not 500', async () => {
    const missingPlan: ApiErrorBody = (await t.http.get('/api/v1/plans/NOPE').expect(404)).body;
    expect(missingPlan.code).toBe('NOT_FOUND');
    await t.http.get('/api/v1/measures/00000000-0000-4000-8000-000000000000').expect(404);
    await t.http.get('/api/v1/activities/not-a-uuid').expect(404);
    const route: ApiErrorBody = (await t.http.get('/api/v1/nothing-here').expect(404)).body;
    expect(route.code).toBe('ROUTE_NOT_FOUND');
  });

  it('returns a request id in the header and in every error body', async () => {
    const response = await t.http.get('/api/v1/plans/NOPE').set('X-Request-Id', 'support-case-12345').expect(404);
    expect(response.headers['x-request-id']).toBe('support-case-12345');
    expect(response.body.requestId).toBe('support-case-12345');
    const generated = await t.http.get('/api/v1/plans/NOPE').expect(404);
    expect(generated.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.headers['x-request-id']).toBe(generated.body.requestId);
  });

  describe('progress updates', () => {
    it('rejects progress 150 and an unknown field, naming both, in the caller’s language', async () => {
      const activity = await activityByCode('1.1');
      const response = await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .set('Accept-Language', 'ar')
        .send({ status: 'in_progress', progress: 150, narrative: { ar: 'نص' }, colour: 'red' })
        .expect(400);
      const body: ApiErrorBody = response.body;
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'progress', rule: 'max' }),
          expect.objectContaining({ field: 'colour', rule: 'whitelistValidation' }),
        ]),
      );
      expect(body.fields.find((f) => f.field === 'progress')?.message).toBe('progress يجب ألا يتجاوز 100');
      expect(body.message).toContain('الطلب غير صالح');

      const french = await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .set('Accept-Language', 'fr-MA,fr;q=0.9')
        .send({ status: 'done', progress: -1, narrative: {} })
        .expect(400);
      const rules = french.body.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`);
      expect(rules).toEqual(expect.arrayContaining(['status:isIn', 'progress:min', 'narrative:hasSomeLocale']));
      expect(french.body.fields.find((f: { field: string }) => f.field === 'progress').message).toBe(
        'progress doit être au moins 0',
      );
      // Nothing was written.
      expect((await activityByCode('1.1')).progress).toBe(0);
    });

    it('refuses a completed status below 100 %, a future date and malformed JSON', async () => {
      const activity = await activityByCode('1.1');
      const body = (
        await coordinator
          .post(`/api/v1/activities/${activity.id}/updates`)
          .send({ status: 'completed', progress: 90, narrative: { fr: 'x' }, reportedOn: '2999-01-01' })
          .expect(400)
      ).body as ApiErrorBody;
      expect(body.fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
        'progress:completedNeeds100',
        'reportedOn:notInFuture',
      ]);
      const malformed = await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .set('Content-Type', 'application/json')
        .send('{"status": ')
        .expect(400);
      expect(malformed.body.code).toBe('BAD_REQUEST');
      expect(malformed.body.requestId).toBeTruthy();
    });

    it('rolls a valid update up into its measure and the plan', async () => {
      const before = await plan();
      const measure6 = measureOf(before, 6);
      expect(measure6.activities).toHaveLength(3);
      const target = measure6.activities[0];

      const created = await coordinator
        .post(`/api/v1/activities/${target.id}/updates`)
        .send({
          status: 'in_progress',
          progress: 60,
          narrative: { fr: 'Inventaire lancé dans 12 ministères', ar: 'انطلاق الجرد في 12 وزارة' },
          links: [{ url: 'https://www.data.gov.ma/', title: 'Portail' }],
        })
        .expect(201);
      expect(created.body.progress).toBe(60);
      expect(created.body.evidence).toEqual([
        expect.objectContaining({ kind: 'link', url: 'https://www.data.gov.ma/' }),
      ]);

      const after = await plan();
      const measure = measureOf(after, 6);
      // Three activities of weight 1: (60 + 0 + 0) / 3.
      expect(measure.progress).toBe(20);
      expect(measure.status).toBe('in_progress');
      // Thirteen measures of weight 1, all others at 0: 20 / 13.
      expect(after.progress).toBe(Math.round((20 / 13) * 10) / 10);

      const updates = (await t.http.get(`/api/v1/activities/${target.id}/updates`).expect(200)).body;
      expect(updates[0].narrative.ar).toBe('انطلاق الجرد في 12 وزارة');
      const detail: MeasureDetail = (await t.http.get(`/api/v1/measures/${measure.id}`).expect(200)).body;
      expect(detail.updates.map((u) => u.id)).toContain(created.body.id);
    });

    it('keeps a back-dated update in the history without overriding a newer one', async () => {
      const activity = await activityByCode('7.1');
      await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 40, narrative: { fr: 'récent' } })
        .expect(201);
      await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 10, narrative: { fr: 'ancien' }, reportedOn: '2022-01-15' })
        .expect(201);
      const current = await activityByCode('7.1');
      expect(current.progress).toBe(40);
      const updates = (await t.http.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body;
      expect(updates.map((u: { progress: number }) => u.progress)).toEqual([40, 10]);
    });

    it('excludes a cancelled activity from its measure’s progress', async () => {
      const measure = measureOf(await plan(), 13);
      const [first, second] = measure.activities;
      await coordinator
        .post(`/api/v1/activities/${first.id}/updates`)
        .send({ status: 'in_progress', progress: 80, narrative: { en: 'x' } })
        .expect(201);
      await coordinator
        .post(`/api/v1/activities/${second.id}/updates`)
        .send({ status: 'cancelled', progress: 0, narrative: { en: 'dropped' } })
        .expect(201);
      const after = measureOf(await plan(), 13);
      expect(after.progress).toBe(80);
      expect(after.activities.find((a) => a.id === second.id)?.health).toBeNull();
    });
  });

  describe('filters', () => {
    it('narrows activities by status, lead and due date, and rejects bad values', async () => {
      const inProgress = await plan('?status=in_progress');
      const listed = inProgress.measures.flatMap((m) => m.activities);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((a) => a.status === 'in_progress')).toBe(true);
      // Figures still count every activity.
      expect(inProgress.activityCount).toBe(26);

      expect((await plan('?lead=HCP')).measures).toEqual([]);
      expect((await plan('?lead=ADD')).measures.flatMap((m) => m.activities)).toHaveLength(26);

      const bad = (await t.http.get('/api/v1/plans/PANDO-2021?status=finished&dueBefore=2026-02-30').expect(400))
        .body as ApiErrorBody;
      expect(bad.fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual(['dueBefore:isIsoDate', 'status:isIn']);

      const activities = (await t.http.get('/api/v1/activities?health=on_track').expect(200)).body;
      expect(activities.length).toBeGreaterThan(0);
    });

    it('filters by due date', async () => {
      const activity = await activityByCode('2.1');
      await coordinator
        .patch(`/api/v1/activities/${activity.id}`)
        .send({ version: activity.version, dueDate: '2026-03-31' })
        .expect(200);
      const due = (await plan('?dueBefore=2026-03-31')).measures.flatMap((m) => m.activities);
      expect(due.map((a) => a.code)).toEqual(['2.1']);
      expect((await plan('?dueBefore=2026-03-30')).measures).toEqual([]);
    });
  });

  describe('editing an activity', () => {
    it('changes planning fields and bumps the version', async () => {
      const activity = await activityByCode('3.1');
      const updated: ActivityDetail = (
        await coordinator
          .patch(`/api/v1/activities/${activity.id}`)
          .send({
            version: activity.version,
            startDate: '2026-01-01',
            dueDate: '2026-12-31',
            weight: 2,
            contributorCodes: ['HCP', 'MEF'],
            leadInstitutionCode: 'MTNRA',
          })
          .expect(200)
      ).body;
      expect(updated.version).toBe(activity.version + 1);
      expect(updated.weight).toBe(2);
      expect(updated.leadInstitution?.code).toBe('MTNRA');
      expect(updated.contributors.map((c) => c.code)).toEqual(['HCP', 'MEF']);
      expect(updated.dueDate).toBe('2026-12-31');
    });

    it('answers a stale version with 409 and the current state, and changes nothing', async () => {
      const activity = await activityByCode('3.2');
      await coordinator
        .patch(`/api/v1/activities/${activity.id}`)
        .send({ version: activity.version, weight: 3 })
        .expect(200);
      const conflict = await coordinator
        .patch(`/api/v1/activities/${activity.id}`)
        .set('Accept-Language', 'en')
        .send({ version: activity.version, weight: 5 })
        .expect(409);
      expect(conflict.body.code).toBe('VERSION_CONFLICT');
      expect(conflict.body.current.weight).toBe(3);
      expect(conflict.body.current.version).toBe(activity.version + 1);
      expect(conflict.body.message).toContain('changed by someone else');
      expect((await activityByCode('3.2')).weight).toBe(3);
    });

    it('refuses a start after the due date, unknown institutions and unknown fields', async () => {
      const activity = await activityByCode('4.1');
      const body = (
        await coordinator
          .patch(`/api/v1/activities/${activity.id}`)
          .send({ version: activity.version, startDate: '2027-01-02', dueDate: '2027-01-01' })
          .expect(400)
      ).body as ApiErrorBody;
      expect(body.fields).toEqual([expect.objectContaining({ field: 'startDate', rule: 'notAfter' })]);
      const unknown = (
        await coordinator
          .patch(`/api/v1/activities/${activity.id}`)
          .send({ version: activity.version, contributorCodes: ['NOPE'] })
          .expect(400)
      ).body as ApiErrorBody;
      expect(unknown.fields).toEqual([
        expect.objectContaining({ field: 'contributorCodes', rule: 'unknownInstitution' }),
      ]);
      await coordinator
        .patch(`/api/v1/activities/${activity.id}`)
        .send({ version: activity.version, status: 'completed' })
        .expect(400);
      expect((await activityByCode('4.1')).version).toBe(activity.version);
    });
  });

  describe('evidence files', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

    it('stores a PDF checked from its bytes and serves it back', async () => {
      const activity = await activityByCode('8.1');
      const update = (
        await coordinator
          .post(`/api/v1/activities/${activity.id}/updates`)
          .send({ status: 'in_progress', progress: 5, narrative: { fr: 'atelier' } })
          .expect(201)
      ).body;
      const evidence = (
        await coordinator
          .post(`/api/v1/progress-updates/${update.id}/evidence`)
          .attach('file', pdf, 'compte-rendu.pdf')
          .field('title', 'Compte rendu')
          .expect(201)
      ).body;
      expect(evidence).toEqual(
        expect.objectContaining({
          kind: 'file',
          title: 'Compte rendu',
          contentType: 'application/pdf',
          sizeBytes: pdf.length,
        }),
      );
      const download = await t.http
        .get(evidence.url)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    });

    it('refuses a file whose bytes are not an accepted type, whatever its name', async () => {
      const activity = await activityByCode('8.1');
      const update = (await t.http.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body[0];
      const response = await coordinator
        .post(`/api/v1/progress-updates/${update.id}/evidence`)
        .attach('file', Buffer.from('#!/bin/sh\necho not a pdf\n'), {
          filename: 'report.pdf',
          contentType: 'application/pdf',
        })
        .expect(415);
      expect(response.body.code).toBe('UNSUPPORTED_FILE_TYPE');
      await coordinator.post(`/api/v1/progress-updates/${update.id}/evidence`).expect(400);
    });

    it('refuses a file over 10 MB with 413', async () => {
      const activity = await activityByCode('8.1');
      const update = (await t.http.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body[0];
      const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
      const response = await coordinator
        .post(`/api/v1/progress-updates/${update.id}/evidence`)
        .attach('file', big, 'big.pdf')
        .expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  it('reports the database in use on /api/health and serves the OpenAPI description', async () => {
    const health = (await t.http.get('/api/health').expect(200)).body;
    expect(health).toEqual({ status: 'ok', database: t.database.kind, version: expect.any(String), demo: false });
    const docs = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/api/v1/plans/{code}', '/api/v1/activities/{id}/updates']),
    );
  });
});
