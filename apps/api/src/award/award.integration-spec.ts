import type {
  ApiErrorBody,
  AwardApplicationView,
  AwardEditionDetail,
  AwardEditionSummary,
  AwardFileView,
  AwardHonour,
  AwardResultRow,
  AwardResults,
  JurorCandidate,
  JurorScoresView,
} from '@marsad/contracts';
import { createHash } from 'node:crypto';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { DEMO_PASSWORD } from '../users/users.demo-seed';
import { AwardFreezeService } from './award-freeze.service';
import { canonicalJson } from './award-phase';

/**
 * The "done when" of the Imtiaz award (issue #15): 4 criteria (2 automated, 2 jury), 6 applications,
 * 5 jurors of whom one works for an applicant (CDG) and one for that applicant's supervising
 * ministry (MEF). The conflicted jurors get 403; the ranking equals one computed by hand, ties
 * included; applying after the deadline is refused; a later harvest does not move frozen values.
 */
describe('The Imtiaz award (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  const today = todayInMorocco();
  const officers: Record<string, Client> = {};
  const jurors: Record<string, Client> = {};
  let edition: AwardEditionDetail;
  const applications: Record<string, AwardApplicationView> = {};
  let criterion: { score: string; fresh: string; narrative: string; impact: string };
  /** CDG's evidence file (its jurors j1 and j2 are conflicted). */
  let cdgFile: AwardFileView;
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

  /** The six applicants: public institutions, each supervised by a ministry; CDG by MEF. */
  const APPLICANTS = ['CDG', 'ADD', 'ANRT', 'ANAPEC', 'OMPIC', 'AMEE'];
  /** Publication score and freshness (0–100) in the snapshot before the deadline. */
  const RAW: Record<string, [number, number]> = {
    CDG: [80, 70],
    ADD: [90, 60],
    ANRT: [70, 80],
    ANAPEC: [60, 50],
    OMPIC: [60, 50],
    AMEE: [50, 40],
  };
  /** Jury scores per juror (j1…j5) for narrative and impact; CDG is scored by j3–j5 only. */
  const JURY: Record<string, { narrative: number[]; impact: number[] }> = {
    CDG: { narrative: [9, 8, 10], impact: [7, 8, 9] },
    ADD: { narrative: [2, 7, 8, 9, 10], impact: [5, 6, 6, 6, 9] },
    ANRT: { narrative: [8, 8, 8, 8, 8], impact: [0, 7, 7, 7, 10] },
    ANAPEC: { narrative: [5, 5, 5, 5, 5], impact: [5, 5, 5, 5, 5] },
    OMPIC: { narrative: [5, 5, 5, 5, 5], impact: [5, 5, 5, 5, 5] },
    AMEE: { narrative: [4, 4, 4, 4, 4], impact: [3, 3, 3, 3, 3] },
  };

  const editionBody = (year: number, extra: Record<string, unknown> = {}) => ({
    year,
    title: { fr: `Prix Imtiaz ${year}`, ar: `جائزة امتياز ${year}` },
    callOpensOn: addDays(today, -5),
    applicationsCloseAt: new Date(Date.now() + 3_600_000).toISOString(),
    scoringOpensOn: addDays(today, 1),
    scoringClosesAt: `${addDays(today, 3)}T12:00:00.000Z`,
    resultsOn: addDays(today, 5),
    eligibleTypes: ['public_institution'],
    criteria: [
      { kind: 'automated', metric: 'publication_score', title: { fr: 'Score de publication' }, weight: 30 },
      { kind: 'automated', metric: 'freshness', title: { fr: 'Fraîcheur' }, weight: 20 },
      { kind: 'jury', title: { fr: 'Qualité du dossier', ar: 'جودة الملف' }, weight: 30 },
      { kind: 'jury', title: { fr: 'Impact' }, weight: 20 },
    ],
    ...extra,
  });

  const snapshot = async (code: string, day: string, score: number, fresh: number) => {
    await t.dataSource.query(
      `INSERT INTO metric_snapshots (day, institution_id, datasets, score, figures)
       SELECT $2::date, id, 10, $3, $4::jsonb FROM institutions WHERE code = $1`,
      [
        code,
        day,
        score,
        JSON.stringify({ score: { value: score }, freshness: { upToDateShare: fresh }, inventory: {} }),
      ],
    );
  };

  const patchEdition = async (body: Record<string, unknown>, status = 200) => {
    const response = await coordinator
      .patch(`/api/v1/award/editions/${edition.id}`)
      .send({ version: edition.version, ...body })
      .expect(status);
    if (status === 200) edition = response.body;
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    for (const code of [...APPLICANTS, 'CNSS', 'ONSSA'])
      officers[code] = await t.as({ role: 'OFFICER', institution: code, email: `rod@${code.toLowerCase()}.award.ma` });
    officers['MEF'] = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.award.ma' });
    // j1 works for an applicant (CDG), j2 for its supervising ministry (MEF); j3–j5 for none.
    jurors['j1'] = await t.as({ role: 'DATA_MANAGER', institution: 'CDG', email: 'jury.cdg@award.ma' });
    jurors['j2'] = await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'jury.mef@award.ma' });
    for (const j of ['j3', 'j4', 'j5']) jurors[j] = await t.as({ role: 'COMMITTEE', email: `${j}@award.ma` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uses a registry where CDG is supervised by the MEF ministry', async () => {
    const [row] = await t.dataSource.query(
      `SELECT p.code, p.type FROM institutions i JOIN institutions p ON p.id = i.parent_id WHERE i.code = 'CDG'`,
    );
    expect(row).toEqual({ code: 'MEF', type: 'ministry' });
  });

  it('refuses an edition that breaks the rules, and lets only coordinators create one', async () => {
    const year = Number(today.slice(0, 4));
    await officers['ADD'].post('/api/v1/award/editions').send(editionBody(year)).expect(403);
    const bad: ApiErrorBody = (
      await coordinator
        .post('/api/v1/award/editions')
        .set('Accept-Language', 'fr')
        .send(
          editionBody(year, {
            scoringOpensOn: addDays(today, -10),
            criteria: [
              { kind: 'automated', title: { fr: 'Sans mesure' }, weight: 50 },
              { kind: 'jury', metric: 'reuses', title: { fr: 'Jury' }, weight: 40 },
            ],
          }),
        )
        .expect(400)
    ).body;
    expect(bad.fields.map((f) => `${f.field}:${f.rule}`).sort()).toEqual([
      'criteria.0.metric:metricRequired',
      'criteria.1.metric:juryHasNoMetric',
      'criteria:weightsSum100',
      'scoringOpensOn:notBefore',
    ]);
    expect(bad.fields.find((f) => f.rule === 'weightsSum100')?.message).toContain('90');
  });

  it('creates the edition, open now, with its jury; the jury is for coordinators only', async () => {
    const year = Number(today.slice(0, 4));
    edition = (await coordinator.post('/api/v1/award/editions').send(editionBody(year)).expect(201)).body;
    expect(edition.phase).toBe('open');
    expect(edition.criteria.map((c) => [c.kind, c.metric, c.weight])).toEqual([
      ['automated', 'publication_score', 30],
      ['automated', 'freshness', 20],
      ['jury', null, 30],
      ['jury', null, 20],
    ]);
    criterion = {
      score: edition.criteria[0].id,
      fresh: edition.criteria[1].id,
      narrative: edition.criteria[2].id,
      impact: edition.criteria[3].id,
    };
    const duplicate: ApiErrorBody = (
      await coordinator.post('/api/v1/award/editions').send(editionBody(year)).expect(400)
    ).body;
    expect(duplicate.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['year:duplicateYear']);

    edition = (
      await coordinator
        .put(`/api/v1/award/editions/${edition.id}/jurors`)
        .send({
          jurors: ['j1', 'j2', 'j3', 'j4', 'j5'].map((j) => ({ userId: jurors[j].userId })),
        })
        .expect(200)
    ).body;
    expect(edition.jurors?.map((j) => j.institution?.code ?? null).sort()).toEqual(['CDG', 'MEF', null, null, null]);
    const unknown: ApiErrorBody = (
      await coordinator
        .put(`/api/v1/award/editions/${edition.id}/jurors`)
        .send({ jurors: [{ userId: '00000000-0000-4000-8000-000000000000', conflictCodes: ['NOPE'] }] })
        .expect(400)
    ).body;
    expect(unknown.fields.map((f) => f.rule).sort()).toEqual(['unknownAccount', 'unknownInstitution']);

    const anonymous: AwardEditionDetail = (await t.http.get(`/api/v1/award/editions/${edition.id}`).expect(200)).body;
    expect(anonymous.jurors).toBeNull();
    const list: AwardEditionSummary[] = (await t.http.get('/api/v1/award/editions').expect(200)).body;
    expect(list.map((e) => e.id)).toContain(edition.id);

    // Criteria and eligible types are fixed once the call is open; a stale version is 409.
    const fixed: ApiErrorBody = (
      await patchEdition({ criteria: editionBody(year).criteria.map((c, i) => ({ ...c, weight: i ? 20 : 40 })) }, 409)
    ).body;
    expect(fixed.code).toBe('AWARD_PHASE_CONFLICT');
    await patchEdition({ eligibleTypes: ['ministry'] }, 409);
    await coordinator
      .patch(`/api/v1/award/editions/${edition.id}`)
      .send({ version: edition.version + 5, title: { fr: 'x' } })
      .expect(409);
  });

  it('finds jury candidates for coordinators: active accounts by name or e-mail, the e-mail masked', async () => {
    const search = (q: string) =>
      coordinator.get(`/api/v1/award/juror-candidates?q=${encodeURIComponent(q)}`).expect(200);
    const found: JurorCandidate[] = (await search('JURY.CDG')).body;
    expect(found).toEqual([
      {
        userId: jurors['j1'].userId,
        displayName: 'DATA_MANAGER CDG',
        institution: expect.objectContaining({ code: 'CDG', type: 'public_institution' }),
        role: 'DATA_MANAGER',
        maskedEmail: 'j***@award.ma',
      },
    ]);
    expect(JSON.stringify(found)).not.toContain('jury.cdg@');
    // By display name too, any role, without an administration.
    const committee: JurorCandidate[] = (await search('committee')).body;
    expect(committee.map((c) => c.userId)).toEqual(
      expect.arrayContaining(['j3', 'j4', 'j5'].map((j) => jurors[j].userId)),
    );
    expect(committee.find((c) => c.userId === jurors['j3'].userId)).toMatchObject({
      role: 'COMMITTEE',
      institution: null,
      maskedEmail: 'j***@award.ma',
    });
    // Inactive accounts never; LIKE's wildcards are plain characters; at most 20 answers.
    await t.createAccount({ role: 'COMMITTEE', email: 'retired.juror@award.ma', active: false });
    expect((await search('retired.juror')).body).toEqual([]);
    expect((await search('%')).body).toEqual([]);
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, role, preferred_locale)
       SELECT 'bulk' || n || '@bulk.award.ma', 'Bulk ' || n, 'COMMITTEE', 'fr' FROM generate_series(1, 21) n`,
    );
    expect((await search('@bulk.award.ma')).body).toHaveLength(20);
    await coordinator.get(`/api/v1/award/juror-candidates?q=${'x'.repeat(101)}`).expect(400);

    await officers['CDG'].get('/api/v1/award/juror-candidates?q=jury').expect(403);
    await t.http.get('/api/v1/award/juror-candidates?q=jury').expect(401);
  });

  it('moves the deadline only later once the call is open', async () => {
    const deadline = edition.applicationsCloseAt;
    // Earlier, even while still ahead: applicants counted on the deadline they were given.
    const earlier: ApiErrorBody = (
      await patchEdition({ applicationsCloseAt: new Date(Date.parse(deadline) - 30 * 60_000).toISOString() }, 400)
    ).body;
    expect(earlier.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['applicationsCloseAt:notBefore']);
    expect(earlier.fields[0].message).toContain(deadline);
    const later = new Date(Date.parse(deadline) + 3_600_000).toISOString();
    await patchEdition({ applicationsCloseAt: later });
    expect(edition.applicationsCloseAt).toBe(later);
    expect(edition.phase).toBe('open');
  });

  it('takes one application per eligible administration while the call is open', async () => {
    const apply = (code: string, body: Record<string, unknown>) =>
      officers[code].post(`/api/v1/award/editions/${edition.id}/applications`).send(body);
    const narrative = (code: string) => ({ fr: `Notre démarche de données ouvertes (${code})`, ar: 'مقاربتنا' });

    // A ministry is not eligible to this edition.
    const ministry: ApiErrorBody = (await apply('MEF', { narrative: narrative('MEF') }).expect(400)).body;
    expect(ministry.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['institution:notEligible']);
    // Claimed reuses must be published ones; a complete application needs its narrative.
    const reuse: ApiErrorBody = (
      await apply('CDG', {
        narrative: narrative('CDG'),
        claimedReuseIds: ['00000000-0000-4000-8000-000000000000'],
      }).expect(400)
    ).body;
    expect(reuse.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['claimedReuseIds.0:unknownReuse']);
    await apply('CDG', { narrative: {}, submit: true }).expect(400);
    await apply('CDG', {
      narrative: narrative('CDG'),
      links: [{ title: 'Portail', url: 'javascript:alert(1)' }],
    }).expect(400);

    // In this order: the submission times break the ANAPEC/OMPIC tie.
    for (const code of ['CDG', 'ADD', 'ANRT']) {
      applications[code] = (
        await apply(code, {
          narrative: narrative(code),
          links: [{ title: 'Portail', url: `https://data.gov.ma/${code}` }],
          submit: true,
        }).expect(201)
      ).body;
      expect(applications[code].submittedAt).not.toBeNull();
    }
    // ANAPEC: a draft first, then sent; sending again keeps the first time.
    const draft: AwardApplicationView = (await apply('ANAPEC', { narrative: narrative('ANAPEC') }).expect(201)).body;
    expect(draft.submittedAt).toBeNull();
    const sent: AwardApplicationView = (
      await officers['ANAPEC']
        .patch(`/api/v1/award/applications/${draft.id}`)
        .send({ version: draft.version, submit: true })
        .expect(200)
    ).body;
    expect(sent.submittedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    applications['OMPIC'] = (await apply('OMPIC', { narrative: narrative('OMPIC'), submit: true }).expect(201)).body;
    const again: AwardApplicationView = (
      await officers['ANAPEC']
        .patch(`/api/v1/award/applications/${draft.id}`)
        .send({ version: sent.version, narrative: { fr: 'Version revue', ar: 'نسخة منقحة' }, submit: true })
        .expect(200)
    ).body;
    expect(again.submittedAt).toBe(sent.submittedAt);
    applications['ANAPEC'] = again;
    applications['AMEE'] = (await apply('AMEE', { narrative: narrative('AMEE'), submit: true }).expect(201)).body;
    // A draft never sent: locked at the deadline, never ranked.
    applications['CNSS'] = (await apply('CNSS', { narrative: narrative('CNSS') }).expect(201)).body;

    // One application per administration.
    const twice: ApiErrorBody = (await apply('ADD', { narrative: narrative('ADD') }).expect(400)).body;
    expect(twice.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['edition:alreadyApplied']);
    // Only the administration's own people change it.
    await officers['ADD']
      .patch(`/api/v1/award/applications/${applications['CDG'].id}`)
      .send({ version: applications['CDG'].version, narrative: { fr: 'pris' } })
      .expect(403);
    // Until scoring opens, other administrations and the jury see none of them.
    const own: AwardApplicationView[] = (
      await officers['ADD'].get(`/api/v1/award/editions/${edition.id}/applications`).expect(200)
    ).body;
    expect(own.map((a) => a.institution.code)).toEqual(['ADD']);
    await officers['ADD'].get(`/api/v1/award/applications/${applications['CDG'].id}`).expect(403);
    expect((await jurors['j3'].get(`/api/v1/award/editions/${edition.id}/applications`).expect(200)).body).toEqual([]);
    await jurors['j3'].get(`/api/v1/award/applications/${applications['ADD'].id}`).expect(403);
    const outsider = await t.as({ role: 'COMMITTEE', email: 'outsider@award.ma' });
    await outsider.get(`/api/v1/award/editions/${edition.id}/applications`).expect(403);
    // Nor may anyone score before scoring opens.
    const early: ApiErrorBody = (
      await jurors['j3']
        .put(`/api/v1/award/applications/${applications['ADD'].id}/scores`)
        .send({ scores: [{ criterionId: criterion.narrative, score: 5 }] })
        .expect(409)
    ).body;
    expect(early.code).toBe('AWARD_PHASE_CONFLICT');
    const open: AwardApplicationView = (
      await coordinator.get(`/api/v1/award/applications/${applications['ADD'].id}`).expect(200)
    ).body;
    expect(open.automated).toBeNull();
    expect(open.locked).toBe(false);
  });

  it('keeps evidence files with an application: its administration adds and removes them while the call is open', async () => {
    const cdg = applications['CDG'].id;
    const files = `/api/v1/award/applications/${cdg}/files`;
    cdgFile = (await officers['CDG'].post(files).attach('file', PDF, 'Rapport données.pdf').expect(201)).body;
    expect(cdgFile).toMatchObject({
      title: 'Rapport données.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    // The type is judged from the bytes, not the name; no file at all names the field.
    const notPdf: ApiErrorBody = (
      await officers['CDG'].post(files).attach('file', Buffer.from('just some text'), 'faux.pdf').expect(415)
    ).body;
    expect(notPdf.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['file:fileType']);
    const none: ApiErrorBody = (await officers['CDG'].post(files).field('title', 'Rien').expect(400)).body;
    expect(none.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['file:isDefined']);
    // Another administration neither adds nor removes, nor downloads before the jury may.
    await officers['ADD'].post(files).attach('file', PDF, 'x.pdf').expect(403);
    await officers['ADD'].delete(`${files}/${cdgFile.id}`).expect(403);
    await officers['ADD'].get(`/api/v1/award/files/${cdgFile.id}`).expect(403);
    await jurors['j3'].get(`/api/v1/award/files/${cdgFile.id}`).expect(403);
    // A second file, titled, then removed (once).
    const extra: AwardFileView = (
      await officers['CDG'].post(files).field('title', 'Annexe').attach('file', PDF, 'a.pdf').expect(201)
    ).body;
    expect(extra.title).toBe('Annexe');
    await officers['CDG'].delete(`${files}/${extra.id}`).expect(204);
    await officers['CDG'].delete(`${files}/${extra.id}`).expect(404);
    const view: AwardApplicationView = (await officers['CDG'].get(`/api/v1/award/applications/${cdg}`).expect(200))
      .body;
    expect(view.files).toEqual([cdgFile]);
    const download = await coordinator.get(`/api/v1/award/files/${cdgFile.id}`).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Number(download.headers['content-length'])).toBe(PDF.length);
    const trail: { action: string; diff: unknown }[] = await t.dataSource.query(
      `SELECT action, diff FROM audit_events WHERE entity_id = $1 AND action LIKE 'award-application.file-%' ORDER BY occurred_at`,
      [cdg],
    );
    expect(trail.map((e) => e.action)).toEqual([
      'award-application.file-add',
      'award-application.file-add',
      'award-application.file-remove',
    ]);
  });

  it('locks applications at the deadline and freezes the automated values there', async () => {
    // The figures Marsad had before the deadline…
    for (const code of APPLICANTS) await snapshot(code, addDays(today, -3), RAW[code][0], RAW[code][1]);
    // …then the deadline passes (two days ago: time travels in the database, since the deadline only
    // moves later once the call is open) and scoring opens (since yesterday).
    await t.dataSource.query(`UPDATE award_editions SET applications_close_at = $2 WHERE id = $1`, [
      edition.id,
      new Date(Date.now() - 2 * 86_400_000),
    ]);
    await patchEdition({
      scoringOpensOn: addDays(today, -1),
      scoringClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(edition.phase).toBe('scoring');
    expect(await t.app.get(AwardFreezeService).freezeDue()).toBe(1);
    expect(await t.app.get(AwardFreezeService).freezeDue()).toBe(0);
    edition = (await coordinator.get(`/api/v1/award/editions/${edition.id}`).expect(200)).body;
    expect(edition.frozenAt).not.toBeNull();
    // The deadline cannot move any more.
    await patchEdition({ applicationsCloseAt: new Date(Date.now() + 86_400_000).toISOString() }, 409);

    // Applying or editing after the deadline: refused.
    const late: ApiErrorBody = (
      await officers['ONSSA']
        .post(`/api/v1/award/editions/${edition.id}/applications`)
        .send({ narrative: { fr: 'En retard' }, submit: true })
        .expect(409)
    ).body;
    expect(late.code).toBe('AWARD_PHASE_CONFLICT');
    expect(late.message).toContain('deadline');
    await officers['CNSS']
      .patch(`/api/v1/award/applications/${applications['CNSS'].id}`)
      .send({ version: applications['CNSS'].version, submit: true })
      .expect(409);
    // Its evidence files are locked with it.
    const cdgFiles = `/api/v1/award/applications/${applications['CDG'].id}/files`;
    await officers['CDG'].post(cdgFiles).attach('file', PDF, 'tard.pdf').expect(409);
    await officers['CDG'].delete(`${cdgFiles}/${cdgFile.id}`).expect(409);

    const frozen = async () =>
      (
        (await coordinator.get(`/api/v1/award/editions/${edition.id}/applications`).expect(200))
          .body as AwardApplicationView[]
      ).map((a) => ({ code: a.institution.code, locked: a.locked, automated: a.automated }));
    const before = await frozen();
    expect(before.find((a) => a.code === 'CDG')).toEqual({
      code: 'CDG',
      locked: true,
      automated: [
        { criterionId: criterion.score, raw: 80, value: 8 },
        { criterionId: criterion.fresh, raw: 70, value: 7 },
      ],
    });
    // A harvest after the deadline (new figures, a new day) moves nothing.
    for (const code of APPLICANTS) await snapshot(code, today, 10, 10);
    await t.app.get(AwardFreezeService).freezeDue();
    expect(await frozen()).toEqual(before);
  });

  it('keeps conflicted jurors away (403) and the others blind to each other', async () => {
    const cdg = applications['CDG'].id;
    for (const j of ['j1', 'j2']) {
      await jurors[j].get(`/api/v1/award/applications/${cdg}`).expect(403);
      await jurors[j].get(`/api/v1/award/applications/${cdg}/scores`).expect(403);
      await jurors[j].get(`/api/v1/award/files/${cdgFile.id}`).expect(403);
      await jurors[j]
        .put(`/api/v1/award/applications/${cdg}/scores`)
        .send({ scores: [{ criterionId: criterion.narrative, score: 10 }] })
        .expect(403);
      const visible: AwardApplicationView[] = (
        await jurors[j].get(`/api/v1/award/editions/${edition.id}/applications`).expect(200)
      ).body;
      expect(visible.map((a) => a.institution.code).sort()).toEqual(['ADD', 'AMEE', 'ANAPEC', 'ANRT', 'OMPIC']);
      await jurors[j].get(`/api/v1/award/applications/${applications['ADD'].id}`).expect(200);
    }
    const all: AwardApplicationView[] = (
      await jurors['j3'].get(`/api/v1/award/editions/${edition.id}/applications`).expect(200)
    ).body;
    expect(all.map((a) => a.institution.code).sort()).toEqual([...APPLICANTS].sort());
    expect(all.find((a) => a.id === cdg)?.files).toEqual([cdgFile]);
    await jurors['j3'].get(`/api/v1/award/files/${cdgFile.id}`).expect(200);
    // The draft never sent is not for the jury; its administration still reads it.
    await jurors['j3'].get(`/api/v1/award/applications/${applications['CNSS'].id}`).expect(403);
    await officers['CNSS'].get(`/api/v1/award/applications/${applications['CNSS'].id}`).expect(200);
    await officers['CDG'].get(`/api/v1/award/applications/${cdg}`).expect(200);

    // Jury criteria only, 0–10 to the hundredth.
    const automated: ApiErrorBody = (
      await jurors['j3']
        .put(`/api/v1/award/applications/${cdg}/scores`)
        .send({ scores: [{ criterionId: criterion.score, score: 5 }] })
        .expect(400)
    ).body;
    expect(automated.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['scores.0.criterionId:notJuryCriterion']);
    await jurors['j3']
      .put(`/api/v1/award/applications/${cdg}/scores`)
      .send({ scores: [{ criterionId: criterion.narrative, score: 10.123 }] })
      .expect(400);
    await jurors['j3']
      .put(`/api/v1/award/applications/${cdg}/scores`)
      .send({ scores: [{ criterionId: criterion.narrative, score: 11 }] })
      .expect(400);
    // A number in exponent notation is a number with too many decimals, not a 500 (found by `npm run fuzz`).
    const tiny: ApiErrorBody = (
      await jurors['j3']
        .put(`/api/v1/award/applications/${cdg}/scores`)
        .send({ scores: [{ criterionId: criterion.narrative, score: 3e-323 }] })
        .expect(400)
    ).body;
    expect(tiny.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['scores.0.score:isDecimal']);

    for (const code of APPLICANTS) {
      const panel = code === 'CDG' ? ['j3', 'j4', 'j5'] : ['j1', 'j2', 'j3', 'j4', 'j5'];
      for (const [i, j] of panel.entries()) {
        const view: JurorScoresView = (
          await jurors[j]
            .put(`/api/v1/award/applications/${applications[code].id}/scores`)
            .send({
              scores: [
                { criterionId: criterion.narrative, score: JURY[code].narrative[i], comment: `Avis de ${j}` },
                { criterionId: criterion.impact, score: JURY[code].impact[i] },
              ],
            })
            .expect(200)
        ).body;
        expect(view.scores).toEqual([
          { criterionId: criterion.narrative, score: JURY[code].narrative[i], comment: `Avis de ${j}` },
          { criterionId: criterion.impact, score: JURY[code].impact[i], comment: null },
        ]);
      }
    }
    // Each juror reads only their own scores.
    const own: JurorScoresView = (
      await jurors['j4'].get(`/api/v1/award/applications/${applications['ADD'].id}/scores`).expect(200)
    ).body;
    expect(own.scores.map((s) => s.score)).toEqual([JURY['ADD'].narrative[3], JURY['ADD'].impact[3]]);
    // Coordinators see every juror's scores only once scoring closes.
    await coordinator.get(`/api/v1/award/applications/${applications['ADD'].id}/jury-scores`).expect(409);
    // The audit trail (read by committee members) says which criteria were scored, never the scores.
    const trail: { diff: unknown }[] = await t.dataSource.query(
      `SELECT diff FROM audit_events WHERE action = 'award-score.set'`,
    );
    expect(trail.length).toBe(28);
    expect(JSON.stringify(trail)).not.toMatch(/"score"|Avis de/);
    // A score slipped in by a conflicted juror (say, before the conflict was known) never counts.
    await t.dataSource.query(
      `INSERT INTO award_scores (application_id, criterion_id, juror_id, score) VALUES ($1, $2, $3, 0)`,
      [cdg, criterion.narrative, jurors['j2'].userId],
    );
  });

  it('closes scoring early, from now on, never in the past', async () => {
    const past: ApiErrorBody = (
      await patchEdition({ scoringClosesAt: new Date(Date.now() - 60_000).toISOString() }, 400)
    ).body;
    expect(past.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['scoringClosesAt:notBefore']);
    const soon = new Date(Date.now() + 60_000).toISOString();
    await patchEdition({ scoringClosesAt: soon });
    expect(edition.scoringClosesAt).toBe(soon);
    expect(edition.phase).toBe('scoring');
  });

  /** The ranking computed by hand (weights 30, 20, 30, 20; each value out of 10 counts weight × value ÷ 10). */
  const EXPECTED = [
    // CDG: automated 8 × 3 + 7 × 2 = 38; jury (3 jurors, plain mean) 9 × 3 + 8 × 2 = 43 → 81.
    { code: 'CDG', total: 81, automatedSubtotal: 38, jury: [9, 8], jurors: 3, trimmed: false, tieBrokenBy: null },
    // ADD: 9 × 3 + 6 × 2 = 39; trimmed means (7, 8, 9) = 8 and (6, 6, 6) = 6 → 24 + 12 → 75.
    { code: 'ADD', total: 75, automatedSubtotal: 39, jury: [8, 6], jurors: 5, trimmed: true, tieBrokenBy: 'automated' },
    // ANRT: 7 × 3 + 8 × 2 = 37; 8 and trimmed (7, 7, 7) = 7 (the plain mean would be 6.2) → 24 + 14 → 75.
    {
      code: 'ANRT',
      total: 75,
      automatedSubtotal: 37,
      jury: [8, 7],
      jurors: 5,
      trimmed: true,
      tieBrokenBy: 'automated',
    },
    // ANAPEC and OMPIC: 6 × 3 + 5 × 2 = 28; 5 and 5 → 15 + 10 → 53 each: ANAPEC sent first.
    {
      code: 'ANAPEC',
      total: 53,
      automatedSubtotal: 28,
      jury: [5, 5],
      jurors: 5,
      trimmed: true,
      tieBrokenBy: 'submittedAt',
    },
    {
      code: 'OMPIC',
      total: 53,
      automatedSubtotal: 28,
      jury: [5, 5],
      jurors: 5,
      trimmed: true,
      tieBrokenBy: 'submittedAt',
    },
    // AMEE: 5 × 3 + 4 × 2 = 23; 4 and 3 → 12 + 6 → 41.
    { code: 'AMEE', total: 41, automatedSubtotal: 23, jury: [4, 3], jurors: 5, trimmed: true, tieBrokenBy: null },
  ];
  const shape = (rows: AwardResultRow[]) =>
    rows.map((row) => ({
      rank: row.rank,
      code: row.institution.code,
      total: row.total,
      automatedSubtotal: row.automatedSubtotal,
      criteria: row.criteria,
      tieBrokenBy: row.tieBrokenBy,
    }));
  const expectedRows = () =>
    EXPECTED.map((e, i) => ({
      rank: i + 1,
      code: e.code,
      total: e.total,
      automatedSubtotal: e.automatedSubtotal,
      criteria: [
        { criterionId: criterion.score, value: RAW[e.code][0] / 10, jurors: null, trimmed: false },
        { criterionId: criterion.fresh, value: RAW[e.code][1] / 10, jurors: null, trimmed: false },
        { criterionId: criterion.narrative, value: e.jury[0], jurors: e.jurors, trimmed: e.trimmed },
        { criterionId: criterion.impact, value: e.jury[1], jurors: e.jurors, trimmed: e.trimmed },
      ],
      tieBrokenBy: e.tieBrokenBy,
    }));

  let first: AwardResults;

  it('ranks as computed by hand, ties broken by the rule, and publishes once scoring closes', async () => {
    const preview: AwardResultRow[] = (
      await coordinator.get(`/api/v1/award/editions/${edition.id}/ranking`).expect(200)
    ).body;
    expect(shape(preview)).toEqual(expectedRows());
    await jurors['j3'].get(`/api/v1/award/editions/${edition.id}/ranking`).expect(403);

    // Not before scoring closes.
    const early: ApiErrorBody = (
      await coordinator.post(`/api/v1/award/editions/${edition.id}/publish`).send({}).expect(409)
    ).body;
    expect(early.code).toBe('AWARD_PHASE_CONFLICT');
    await t.http.get(`/api/v1/award/editions/${edition.id}/results`).expect(404);

    // The minute passes (time travels in the database): scoring is closed.
    await t.dataSource.query(`UPDATE award_editions SET scoring_closes_at = $2 WHERE id = $1`, [
      edition.id,
      new Date(Date.now() - 1000),
    ]);
    edition = (await coordinator.get(`/api/v1/award/editions/${edition.id}`).expect(200)).body;
    expect(edition.phase).toBe('scored');
    // Scores are closed now, and coordinators may read each juror's.
    await jurors['j3']
      .put(`/api/v1/award/applications/${applications['ADD'].id}/scores`)
      .send({ scores: [{ criterionId: criterion.narrative, score: 10 }] })
      .expect(409);
    const jury = (await coordinator.get(`/api/v1/award/applications/${applications['ADD'].id}/jury-scores`).expect(200))
      .body as { jurors: unknown[] };
    expect(jury.jurors).toHaveLength(5);

    first = (await coordinator.post(`/api/v1/award/editions/${edition.id}/publish`).send({}).expect(200)).body;
    expect(first.publication).toBe(1);
    expect(first.correctionReason).toBeNull();
    expect(shape(first.rows)).toEqual(expectedRows());
    expect(first.edition.phase).toBe('published');
    expect(first.edition.resultsHash).toBe(first.hash);
  });

  it('shows the results publicly: no juror, no individual score, a hash anyone can recompute', async () => {
    const results: AwardResults = (await t.http.get(`/api/v1/award/editions/${edition.id}/results`).expect(200)).body;
    expect(shape(results.rows)).toEqual(expectedRows());
    expect(results.hash).toBe(createHash('sha256').update(canonicalJson(results.rows)).digest('hex'));
    const text = JSON.stringify(results);
    for (const j of Object.values(jurors)) {
      expect(text).not.toContain(j.userId);
      expect(text).not.toContain(j.email);
    }
    expect(text).not.toContain('Avis de');
    for (const row of results.rows)
      for (const c of row.criteria)
        expect(Object.keys(c).sort()).toEqual(['criterionId', 'jurors', 'trimmed', 'value']);

    const csv = await t.http.get(`/api/v1/award/editions/${edition.id}/results/export?format=csv`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^1,CDG,/);
    expect(lines[4]).toContain('dépôt le plus tôt');
    const xlsx = await t.http.get(`/api/v1/award/editions/${edition.id}/results/export?format=xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');

    const honours: AwardHonour[] = (await t.http.get('/api/v1/institutions/CDG/award').expect(200)).body;
    expect(honours).toEqual([
      { editionId: edition.id, year: edition.year, title: edition.title, rank: 1, of: 6, total: 81 },
    ]);
    expect((await t.http.get('/api/v1/institutions/MEF/award').expect(200)).body).toEqual([]);
    await t.http.get('/api/v1/institutions/NOPE/award').expect(404);

    // Applications stay private; the public reads the results.
    await t.http.get(`/api/v1/award/applications/${applications['CDG'].id}`).expect(401);
  });

  it('publishes a correction only with a reason, as a new publication; a publication never changes', async () => {
    const noReason: ApiErrorBody = (
      await coordinator.post(`/api/v1/award/editions/${edition.id}/publish`).send({}).expect(400)
    ).body;
    expect(noReason.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['reason:required']);
    // A conflict discovered late: j3 declares one with AMEE, so j3's scores of AMEE no longer count.
    await coordinator
      .put(`/api/v1/award/editions/${edition.id}/jurors`)
      .send({
        jurors: ['j1', 'j2', 'j3', 'j4', 'j5'].map((j) => ({
          userId: jurors[j].userId,
          ...(j === 'j3' ? { conflictCodes: ['AMEE'] } : {}),
        })),
      })
      .expect(200);
    const second: AwardResults = (
      await coordinator
        .post(`/api/v1/award/editions/${edition.id}/publish`)
        .send({ reason: 'Conflit d’intérêts déclaré après coup' })
        .expect(200)
    ).body;
    expect(second.publication).toBe(2);
    expect(second.correctionReason).toBe('Conflit d’intérêts déclaré après coup');
    expect(second.hash).not.toBe(first.hash);
    const amee = second.rows.find((r) => r.institution.code === 'AMEE') as AwardResultRow;
    expect(amee.criteria.slice(2)).toEqual([
      { criterionId: criterion.narrative, value: 4, jurors: 4, trimmed: false },
      { criterionId: criterion.impact, value: 3, jurors: 4, trimmed: false },
    ]);
    expect((await t.http.get(`/api/v1/award/editions/${edition.id}/results`).expect(200)).body.publication).toBe(2);

    await expect(t.dataSource.query(`UPDATE award_publications SET hash = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM award_publications`)).rejects.toThrow(/append-only/);
    // Once published, the timeline is fixed.
    await patchEdition({ resultsOn: addDays(today, 9) }, 409);
    const events: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [edition.id],
    );
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'award-edition.create',
        'award-edition.jurors',
        'award-edition.freeze',
        'award-results.publish',
      ]),
    );
  });
});

describe('The Imtiaz award in the demo (real database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has last year’s edition published and this year’s open, with no MEF application yet', async () => {
    const year = Number(todayInMorocco().slice(0, 4));
    const editions: AwardEditionSummary[] = (await t.http.get('/api/v1/award/editions').expect(200)).body;
    expect(editions.map((e) => [e.year, e.phase, e.isDemo])).toEqual([
      [year, 'open', true],
      [year - 1, 'published', true],
    ]);
    const [open, past] = editions;
    const results: AwardResults = (await t.http.get(`/api/v1/award/editions/${past.id}/results`).expect(200)).body;
    expect(results.rows).toHaveLength(6);
    expect(results.criteria.filter((c) => c.kind === 'automated').map((c) => c.metric)).toContain('reuses');
    expect(results.hash).toBe(past.resultsHash);
    expect(results.hash).toBe(createHash('sha256').update(canonicalJson(results.rows)).digest('hex'));
    const winner = results.rows[0].institution.code;
    const honours: AwardHonour[] = (await t.http.get(`/api/v1/institutions/${winner}/award`).expect(200)).body;
    expect(honours).toEqual([expect.objectContaining({ editionId: past.id, rank: 1, of: 6 })]);

    // The committee's juror declared a conflict with HCP: its application stays closed to them.
    const juror = await t.as({ role: 'COMMITTEE', email: 'comite@hcp.ma', password: DEMO_PASSWORD });
    const seen: AwardApplicationView[] = (await juror.get(`/api/v1/award/editions/${past.id}/applications`).expect(200))
      .body;
    expect(seen.map((a) => a.institution.code)).not.toContain('HCP');
    expect(seen).toHaveLength(5);

    // The demo MEF officer applies to the open edition.
    const mef = await t.as({
      role: 'OFFICER',
      institution: 'MEF',
      email: 'rod@mef.gov.ma',
      password: DEMO_PASSWORD,
    });
    expect((await mef.get(`/api/v1/award/editions/${open.id}/applications`).expect(200)).body).toEqual([]);
    const applied: AwardApplicationView = (
      await mef
        .post(`/api/v1/award/editions/${open.id}/applications`)
        .send({ narrative: { fr: 'Nos données budgétaires ouvertes', ar: 'معطياتنا المفتوحة' }, submit: true })
        .expect(201)
    ).body;
    expect(applied.institution.code).toBe('MEF');
  });
});
