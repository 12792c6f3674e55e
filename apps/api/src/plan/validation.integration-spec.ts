import type {
  ActivityDetail,
  ApiErrorBody,
  PlanBlockers,
  PlanDetail,
  ProgressUpdateView,
  ValidationQueue,
} from '@marsad/contracts';
import { AuditEvent } from '../audit/audit-event.entity';
import { Institution } from '../institutions/entities/institution.entity';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { Activity } from './entities/activity.entity';

describe('Reports from administrations, validated by ADD (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let mef: Client;
  let hcp: Client;
  let activity: Activity;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    mef = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.test.ma' });
    hcp = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.test.ma' });
    // MEF contributes to 13.2 (ADD leads it), as in the walk-through.
    const repo = t.dataSource.getRepository(Activity);
    activity = await repo.findOneOrFail({ where: { code: '13.2' }, relations: { contributors: true } });
    activity.contributors = [await t.dataSource.getRepository(Institution).findOneByOrFail({ code: 'MEF' })];
    await repo.save(activity);
  });
  afterAll(async () => {
    await t?.close();
  });

  const plan = async (): Promise<PlanDetail> => (await t.http.get('/api/v1/plans/PANDO-2021').expect(200)).body;
  const blockers = async (): Promise<PlanBlockers> =>
    (await t.http.get('/api/v1/plans/PANDO-2021/blockers').expect(200)).body;
  const publicActivity = async (): Promise<ActivityDetail> =>
    (await t.http.get(`/api/v1/activities/${activity.id}`).expect(200)).body;
  const report = {
    status: 'completed',
    progress: 100,
    narrative: { fr: 'Terminé' },
    blockers: [{ category: 'budget', text: 'Crédits tardifs' }],
  };
  let submitted: ProgressUpdateView;

  it("an officer's report is submitted, signed by the account, and changes no public figure", async () => {
    const before = await plan();
    const refused: ApiErrorBody = (
      await mef
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ ...report, authorName: 'Salma Bennani (ADD, validé)' })
        .expect(400)
    ).body;
    expect(refused.fields).toEqual([expect.objectContaining({ field: 'authorName', rule: 'whitelistValidation' })]);

    submitted = (await mef.post(`/api/v1/activities/${activity.id}/updates`).send(report).expect(201)).body;
    expect(submitted).toEqual(
      expect.objectContaining({
        state: 'submitted',
        authorName: 'OFFICER MEF',
        decidedAt: null,
        blockers: report.blockers,
      }),
    );
    expect(submitted.authorInstitution?.code).toBe('MEF');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const file = (
      await mef.post(`/api/v1/progress-updates/${submitted.id}/evidence`).attach('file', pdf, 'rapport.pdf').expect(201)
    ).body;

    const after = await plan();
    expect(after.progress).toBe(before.progress);
    expect(after.provenance).toEqual({ source: 'reference', asOf: null, by: null });
    const seen = await publicActivity();
    expect(seen.progress).toBe(0);
    expect(seen.provenance.source).toBe('reference');
    expect(seen.updates).toEqual([]);
    // Not public: neither the report nor its file; its administration sees it pending, another does not.
    await t.http.get(`/api/v1/evidence/${file.id}/file`).expect(404);
    const own: ActivityDetail = (await mef.get(`/api/v1/activities/${activity.id}`).expect(200)).body;
    expect(own.updates.map((u) => [u.id, u.state])).toEqual([[submitted.id, 'submitted']]);
    expect((await hcp.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body).toEqual([]);
    // Its blockers do not count either, until validated.
    expect((await blockers()).items).toEqual([]);
  });

  it('the queue lists it for coordinators only, with activity, administration, author and evidence', async () => {
    await mef.get('/api/v1/validation-queue').expect(403);
    await t.http.get('/api/v1/validation-queue').expect(401);
    const queue: ValidationQueue = (await coordinator.get('/api/v1/validation-queue').expect(200)).body;
    expect(queue.total).toBe(1);
    expect(queue.oldestSubmittedAt).toBe(submitted.submittedAt);
    const [item] = queue.items;
    expect(item).toEqual(expect.objectContaining({ id: submitted.id, authorName: 'OFFICER MEF', state: 'submitted' }));
    expect(item.activity).toEqual(expect.objectContaining({ code: '13.2', measureNumber: 13, progress: 0 }));
    expect(item.authorInstitution?.code).toBe('MEF');
    expect(item.evidence.map((e) => e.kind)).toEqual(['file']);

    // Served compressed once and revalidated like every API read: a matching ETag gets a 304.
    const gzipped = await coordinator.get('/api/v1/validation-queue').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/^application\/json/);
    expect(gzipped.body).toEqual(queue);
    const etag = String(gzipped.headers['etag']);
    expect(etag).toMatch(/^W\/".+"$/);
    await coordinator.get('/api/v1/validation-queue').set('If-None-Match', etag).expect(304);
    const plain = await coordinator.get('/api/v1/validation-queue').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(queue);
  });

  it('an officer cannot validate or return; returning needs a comment', async () => {
    expect((await mef.post(`/api/v1/progress-updates/${submitted.id}/validate`).send({}).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    await mef.post(`/api/v1/progress-updates/${submitted.id}/return`).send({ comment: 'x' }).expect(403);
    const blank: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/progress-updates/${submitted.id}/return`)
        .set('Accept-Language', 'fr')
        .send({ comment: '   ' })
        .expect(400)
    ).body;
    expect(blank.fields).toEqual([expect.objectContaining({ field: 'comment', rule: 'isNotEmpty' })]);
    await coordinator.post(`/api/v1/progress-updates/${submitted.id}/return`).send({}).expect(400);
  });

  it('a returned report shows the comment to its administration, changes nothing public, and cannot be validated', async () => {
    const returned: ProgressUpdateView = (
      await coordinator
        .post(`/api/v1/progress-updates/${submitted.id}/return`)
        .send({ comment: 'Joindre le procès-verbal signé' })
        .expect(200)
    ).body;
    expect(returned).toEqual(
      expect.objectContaining({
        state: 'returned',
        returnComment: 'Joindre le procès-verbal signé',
        decidedBy: 'COORDINATOR',
      }),
    );
    expect((await publicActivity()).updates).toEqual([]);
    const own: ProgressUpdateView[] = (await mef.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body;
    expect(own[0]).toEqual(
      expect.objectContaining({ state: 'returned', returnComment: 'Joindre le procès-verbal signé' }),
    );
    const late: ApiErrorBody = (
      await coordinator.post(`/api/v1/progress-updates/${submitted.id}/validate`).send({}).expect(409)
    ).body;
    expect(late.code).toBe('REPORT_STATE_CONFLICT');
    expect((await coordinator.get('/api/v1/validation-queue').expect(200)).body.total).toBe(0);
    submitted = returned;
  });

  it('the officer corrects and resubmits it (a stale version gets 409; another administration 403)', async () => {
    const corrected = {
      ...report,
      progress: 100,
      narrative: { fr: 'Terminé, PV signé joint' },
      version: submitted.version,
    };
    await hcp.patch(`/api/v1/progress-updates/${submitted.id}`).send(corrected).expect(403);
    await mef
      .patch(`/api/v1/progress-updates/${submitted.id}`)
      .send({ ...corrected, version: submitted.version - 1 })
      .expect(409);
    const resubmitted: ProgressUpdateView = (
      await mef.patch(`/api/v1/progress-updates/${submitted.id}`).send(corrected).expect(200)
    ).body;
    expect(resubmitted).toEqual(
      expect.objectContaining({ state: 'submitted', narrative: { fr: 'Terminé, PV signé joint' } }),
    );
    // Submitted again: not editable until decided.
    const twice: ApiErrorBody = (
      await mef
        .patch(`/api/v1/progress-updates/${submitted.id}`)
        .send({ ...corrected, version: resubmitted.version })
        .expect(409)
    ).body;
    expect(twice.code).toBe('REPORT_STATE_CONFLICT');
    submitted = resubmitted;
  });

  it("validating it sets the activity's figures and the public plan, with who validated and when", async () => {
    const before = await plan();
    await coordinator
      .post(`/api/v1/progress-updates/${submitted.id}/validate`)
      .send({ version: submitted.version - 1 })
      .expect(409);
    const validated: ProgressUpdateView = (
      await coordinator
        .post(`/api/v1/progress-updates/${submitted.id}/validate`)
        .send({ version: submitted.version })
        .expect(200)
    ).body;
    expect(validated).toEqual(
      expect.objectContaining({ state: 'validated', decidedBy: 'COORDINATOR', returnComment: null }),
    );

    const seen = await publicActivity();
    expect(seen).toEqual(expect.objectContaining({ status: 'completed', progress: 100 }));
    expect(seen.provenance).toEqual({ source: 'validated', asOf: validated.decidedAt, by: 'COORDINATOR' });
    expect(seen.updates.map((u) => u.id)).toEqual([submitted.id]);
    const after = await plan();
    // Measure 13 has 2 activities: (100 + 0) / 2 = 50; the plan, 13 measures: 50 / 13.
    expect(after.progress).toBe(Math.round((50 / 13) * 10) / 10);
    expect(after.progress).toBeGreaterThan(before.progress ?? 0);
    expect(after.provenance).toEqual({ source: 'validated', asOf: validated.decidedAt, by: null });
    // Its blockers now stand for the activity, by category and by measure.
    const now = await blockers();
    expect(now.byCategory.find((c) => c.category === 'budget')?.activities).toBe(1);
    expect(now.byCategory.reduce((sum, c) => sum + c.activities, 0)).toBe(1);
    expect(now.byMeasure).toEqual([
      expect.objectContaining({
        measureNumber: 13,
        total: 1,
        counts: expect.objectContaining({ budget: 1, legal: 0 }),
      }),
    ]);
    expect(now.items).toEqual([
      expect.objectContaining({ activityCode: '13.2', category: 'budget', text: 'Crédits tardifs' }),
    ]);
    expect(now.provenance).toEqual({ source: 'validated', asOf: validated.decidedAt, by: null });
    // Its file is public now.
    await t.http.get(`/api/v1/evidence/${seen.updates[0].evidence[0].id}/file`).expect(200);
  });

  it('a validated report is never edited, nor given new files by its administration', async () => {
    const edit: ApiErrorBody = (
      await mef
        .patch(`/api/v1/progress-updates/${submitted.id}`)
        .send({ ...report, version: submitted.version + 1 })
        .expect(409)
    ).body;
    expect(['REPORT_STATE_CONFLICT', 'VERSION_CONFLICT']).toContain(edit.code);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const file: ApiErrorBody = (
      await mef.post(`/api/v1/progress-updates/${submitted.id}/evidence`).attach('file', pdf, 'late.pdf').expect(409)
    ).body;
    expect(file.code).toBe('REPORT_STATE_CONFLICT');
  });

  it("a coordinator's own report is validated when made; a draft stays private to its administration", async () => {
    const own: ProgressUpdateView = (
      await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 90, narrative: { fr: 'Révision' } })
        .expect(201)
    ).body;
    expect(own).toEqual(expect.objectContaining({ state: 'validated', decidedBy: 'COORDINATOR' }));
    expect((await publicActivity()).progress).toBe(90);
    // The newest validated report names no blocker: none stands now.
    expect((await blockers()).items).toEqual([]);
    await t.http.get('/api/v1/plans/NOPE/blockers').expect(404);

    const draft: ProgressUpdateView = (
      await mef
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 95, narrative: { fr: 'brouillon' }, draft: true })
        .expect(201)
    ).body;
    expect(draft.state).toBe('draft');
    expect(draft.submittedAt).toBeNull();
    expect((await coordinator.get('/api/v1/validation-queue').expect(200)).body.total).toBe(0);
    expect(
      (await coordinator.get(`/api/v1/activities/${activity.id}/updates`).expect(200)).body.map(
        (u: ProgressUpdateView) => u.id,
      ),
    ).not.toContain(draft.id);
    const sent: ProgressUpdateView = (
      await mef
        .patch(`/api/v1/progress-updates/${draft.id}`)
        .send({ status: 'in_progress', progress: 95, narrative: { fr: 'envoyé' }, version: draft.version })
        .expect(200)
    ).body;
    expect(sent.state).toBe('submitted');
    expect((await coordinator.get('/api/v1/validation-queue').expect(200)).body.total).toBe(1);
  });

  it('records each step in the audit trail', async () => {
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { entityId: submitted.id }, order: { occurredAt: 'ASC' } });
    expect(events.map((event) => event.action)).toEqual([
      'progress-update.create',
      'progress-update.return',
      'progress-update.revise',
      'progress-update.validate',
    ]);
    const validate = events.find((event) => event.action === 'progress-update.validate');
    expect(validate?.diff).toEqual(
      expect.objectContaining({
        state: { before: 'submitted', after: 'validated' },
        'activity.progress': { before: 0, after: 100 },
      }),
    );
  });

  it('finds the activities an administration contributes to, not only those it leads', async () => {
    const codes = async (query: string) =>
      ((await t.http.get(`/api/v1/activities?${query}`).expect(200)).body as { code: string }[]).map((a) => a.code);
    expect(await codes('institution=MEF')).toEqual(['13.2']);
    expect(await codes('institution=MEF&involvement=contributor')).toEqual(['13.2']);
    expect(await codes('institution=MEF&involvement=lead')).toEqual([]);
    expect(await codes('lead=MEF')).toEqual([]);
    expect((await codes('institution=ADD&involvement=lead')).length).toBe(26);
    const bad: ApiErrorBody = (await t.http.get('/api/v1/activities?institution=MEF&involvement=sponsor').expect(400))
      .body;
    expect(bad.fields).toEqual([expect.objectContaining({ field: 'involvement', rule: 'isIn' })]);
    const plan: PlanDetail = (await t.http.get('/api/v1/plans/PANDO-2021?institution=MEF').expect(200)).body;
    expect(plan.measures.flatMap((m) => m.activities).map((a) => a.code)).toEqual(['13.2']);
  });
});
