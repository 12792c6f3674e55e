import type {
  ApiErrorBody,
  NotificationPage,
  PlanCommentPage,
  PlanCommentView,
  PostPlanCommentRequest,
} from '@marsad/contracts';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

describe('Public comments on the plan (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let mefOfficer: Client;
  let mefDataManager: Client;
  let hcpOfficer: Client;
  let committee: Client;
  let activityId: string;
  let measureId: string;
  let ip = 0;

  /** An anonymous comment, each from its own address (the limit is 10 a minute per address). */
  const post = (target: 'activities' | 'measures', id: string, body: Partial<PostPlanCommentRequest> & object) =>
    t.http
      .post(`/api/v1/${target}/${id}/comments`)
      .set('X-Forwarded-For', `10.2.0.${++ip}`)
      .send({ body: 'Quand les données seront-elles publiées ?', ...body });

  const publicList = async (target: 'activities' | 'measures', id: string): Promise<PlanCommentPage> =>
    (await t.http.get(`/api/v1/${target}/${id}/comments`).expect(200)).body;

  const queue = async (status: string): Promise<PlanCommentPage> =>
    (await coordinator.get(`/api/v1/comments?status=${status}&pageSize=100`).expect(200)).body;

  const current = async (id: string): Promise<PlanCommentView> => {
    for (const status of ['pending', 'published', 'rejected']) {
      const found = (await queue(status)).items.find((c) => c.id === id);
      if (found) return found;
    }
    throw new Error(`comment ${id} not found`);
  };

  const publish = async (id: string): Promise<PlanCommentView> => {
    const { version } = await current(id);
    return (await coordinator.patch(`/api/v1/comments/${id}`).send({ version, status: 'published' }).expect(200)).body;
  };

  const fields = (body: ApiErrorBody) => body.fields.map((f) => `${f.field}:${f.rule}`);

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
    coordinator = await t.as('COORDINATOR');
    mefOfficer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.comments.ma' });
    mefDataManager = await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'gdd@mef.comments.ma' });
    hcpOfficer = await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.comments.ma' });
    committee = await t.as('COMMITTEE');
    // An activity led by MEF, and a measure led by HCP.
    [{ id: activityId }] = await t.dataSource.query(`SELECT id FROM activities ORDER BY code LIMIT 1`);
    [{ id: measureId }] = await t.dataSource.query(`SELECT id FROM measures ORDER BY number DESC LIMIT 1`);
    await t.dataSource.query(
      `UPDATE activities SET lead_institution_id = (SELECT id FROM institutions WHERE code = 'MEF') WHERE id = $1`,
      [activityId],
    );
    await t.dataSource.query(
      `UPDATE measures SET lead_institution_id = (SELECT id FROM institutions WHERE code = 'HCP') WHERE id = $1`,
      [measureId],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an anonymous comment out of sight until a coordinator publishes it, then tells the lead administration', async () => {
    const response = await post('activities', activityId, {
      body: '  Quand le budget détaillé sera-t-il ouvert ?  ',
      name: '  Salma  ',
    }).expect(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'pending' });
    const id: string = response.body.id;

    // Stored trimmed, with nothing that identifies the author but the name they gave (law 09-08).
    const [row] = await t.dataSource.query(`SELECT * FROM plan_comments WHERE id = $1`, [id]);
    expect(row).toMatchObject({
      body: 'Quand le budget détaillé sera-t-il ouvert ?',
      author_name: 'Salma',
      status: 'pending',
    });
    expect(Object.keys(row).filter((column) => /ip|mail|agent/i.test(column))).toEqual([]);
    expect(JSON.stringify(row)).not.toContain('10.2.0.');
    // Nothing in the audit trail for an anonymous comment (it would keep the address).
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [id]);
    expect(n).toBe(0);

    expect((await publicList('activities', activityId)).items.map((c) => c.id)).not.toContain(id);
    await t.http.get('/api/v1/comments').expect(401);
    await mefOfficer.get('/api/v1/comments').expect(403);
    await committee.get('/api/v1/comments').expect(403);

    const pending = await queue('pending');
    const seen = pending.items.find((c) => c.id === id) as PlanCommentView;
    expect(seen).toMatchObject({
      status: 'pending',
      name: 'Salma',
      publishedAt: null,
      answer: null,
      target: { type: 'activity', id: activityId, leadInstitution: expect.objectContaining({ code: 'MEF' }) },
    });
    // Nobody is told before a coordinator has read it.
    const [{ n: early }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'plan-comment.published'`,
    );
    expect(early).toBe(0);

    const published = await publish(id);
    expect(published).toMatchObject({ status: 'published', rejectReason: null, version: seen.version + 1 });
    expect(published.publishedAt).not.toBeNull();

    const shown = await publicList('activities', activityId);
    expect(shown.items.find((c) => c.id === id)).toMatchObject({
      body: 'Quand le budget détaillé sera-t-il ouvert ?',
      name: 'Salma',
      status: 'published',
      answer: null,
    });
    expect(shown.total).toBe(1);

    const [audit] = await t.dataSource.query(
      `SELECT actor_id, entity_type, diff FROM audit_events WHERE action = 'comment.publish' AND entity_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({ actor_id: coordinator.userId, entity_type: 'plan_comment' });
    expect(audit.diff.status).toEqual({ before: 'pending', after: 'published' });
    expect(JSON.stringify(audit.diff)).not.toContain('budget détaillé');

    // The lead administration's officer and data manager find it in their inbox; another administration does not.
    const inbox: NotificationPage = (await mefOfficer.get('/api/v1/notifications').expect(200)).body;
    const message = inbox.items.find((m) => m.kind === 'plan-comment.published');
    expect(message).toMatchObject({
      category: 'comments',
      link: `/activities/${activityId}#comment-${id}`,
      params: { target: expect.objectContaining({ fr: expect.stringContaining('l’activité') }) },
    });
    const managerInbox: NotificationPage = (await mefDataManager.get('/api/v1/notifications').expect(200)).body;
    expect(managerInbox.items.map((m) => m.kind)).toContain('plan-comment.published');
    const other: NotificationPage = (await hcpOfficer.get('/api/v1/notifications').expect(200)).body;
    expect(other.items.map((m) => m.kind)).not.toContain('plan-comment.published');
  });

  it('takes comments on a measure the same way, anonymous when no name is given', async () => {
    const id: string = (await post('measures', measureId, { name: '   ' }).expect(202)).body.id;
    expect((await publicList('measures', measureId)).items).toEqual([]);
    await publish(id);
    const [comment] = (await publicList('measures', measureId)).items;
    expect(comment).toMatchObject({
      id,
      name: null,
      target: { type: 'measure', id: measureId, leadInstitution: expect.objectContaining({ code: 'HCP' }) },
    });
    // The activity's comments are not the measure's.
    expect((await publicList('activities', activityId)).items.map((c) => c.id)).not.toContain(id);
    const [notification] = await t.dataSource.query(
      `SELECT link FROM notifications WHERE kind = 'plan-comment.published' AND user_id = $1`,
      [hcpOfficer.userId],
    );
    expect(notification.link).toBe(`/measures/${measureId}#comment-${id}`);
  });

  it('asks a reason to reject, refuses a stale version, and keeps a rejected comment out of sight', async () => {
    const id: string = (await post('activities', activityId, { body: 'Un message hors sujet.' }).expect(202)).body.id;
    const { version } = await current(id);
    await mefOfficer.patch(`/api/v1/comments/${id}`).send({ version, status: 'published' }).expect(403);
    await t.http.patch(`/api/v1/comments/${id}`).send({ version, status: 'published' }).expect(401);

    for (const rejectReason of [undefined, '   ', null]) {
      const refused: ApiErrorBody = (
        await coordinator
          .patch(`/api/v1/comments/${id}`)
          .send({ version, status: 'rejected', rejectReason })
          .expect(400)
      ).body;
      expect(fields(refused)).toEqual(['rejectReason:isDefined']);
    }
    await coordinator.patch(`/api/v1/comments/${id}`).send({ version, status: 'pending' }).expect(400);

    const rejected: PlanCommentView = (
      await coordinator
        .patch(`/api/v1/comments/${id}`)
        .send({ version, status: 'rejected', rejectReason: '  Hors sujet.  ' })
        .expect(200)
    ).body;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Hors sujet.', version: version + 1 });

    const stale: ApiErrorBody = (
      await coordinator.patch(`/api/v1/comments/${id}`).send({ version, status: 'published' }).expect(409)
    ).body;
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ id, status: 'rejected', version: rejected.version });

    expect((await publicList('activities', activityId)).items.map((c) => c.id)).not.toContain(id);
    expect((await queue('rejected')).items.map((c) => c.id)).toContain(id);
    expect((await queue('pending')).items.map((c) => c.id)).not.toContain(id);
    const [audit] = await t.dataSource.query(
      `SELECT diff FROM audit_events WHERE action = 'comment.reject' AND entity_id = $1`,
      [id],
    );
    expect(audit.diff.rejectReason).toEqual({ before: null, after: 'Hors sujet.' });
    await coordinator.patch('/api/v1/comments/not-a-uuid').send({ version: 1, status: 'published' }).expect(404);
    await coordinator
      .patch('/api/v1/comments/00000000-0000-4000-8000-000000000000')
      .send({ version: 1, status: 'published' })
      .expect(404);
  });

  it('lets the lead administration’s officers and coordinators answer a published comment, officially', async () => {
    const id: string = (await post('activities', activityId, { body: 'Quel format pour les données ?' }).expect(202))
      .body.id;
    const pendingVersion = (await current(id)).version;
    // Not yet published: the lead's officer does not see it, a coordinator is told why.
    await mefOfficer.post(`/api/v1/comments/${id}/answer`).send({ version: pendingVersion, body: 'CSV.' }).expect(404);
    const notPublished: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/comments/${id}/answer`)
        .send({ version: pendingVersion, body: 'CSV.' })
        .expect(400)
    ).body;
    expect(fields(notPublished)).toEqual(['status:commentNotPublished']);

    const { version } = await publish(id);
    const answer = { version, body: '  Les données seront publiées en CSV et JSON.  ' };
    await t.http.post(`/api/v1/comments/${id}/answer`).send(answer).expect(401);
    await hcpOfficer.post(`/api/v1/comments/${id}/answer`).send(answer).expect(403);
    await committee.post(`/api/v1/comments/${id}/answer`).send(answer).expect(403);
    const admin = await t.as('ADMIN');
    await admin.post(`/api/v1/comments/${id}/answer`).send(answer).expect(403);
    await mefOfficer.post(`/api/v1/comments/${id}/answer`).send({ version, body: ' a ' }).expect(400);

    const answered: PlanCommentView = (await mefOfficer.post(`/api/v1/comments/${id}/answer`).send(answer).expect(200))
      .body;
    expect(answered.answer).toMatchObject({
      body: 'Les données seront publiées en CSV et JSON.',
      institution: expect.objectContaining({ code: 'MEF' }),
    });
    expect(answered.version).toBe(version + 1);
    const shown = (await publicList('activities', activityId)).items.find((c) => c.id === id);
    expect(shown?.answer?.institution?.code).toBe('MEF');
    expect(Date.parse(shown?.answer?.answeredAt ?? '')).not.toBeNaN();

    // The same version again is stale.
    await mefDataManager.post(`/api/v1/comments/${id}/answer`).send(answer).expect(409);
    // A coordinator may answer too, for ADD; it replaces the answer.
    const replaced: PlanCommentView = (
      await coordinator
        .post(`/api/v1/comments/${id}/answer`)
        .send({ version: answered.version, body: 'Réponse de l’ADD.' })
        .expect(200)
    ).body;
    expect(replaced.answer).toMatchObject({ body: 'Réponse de l’ADD.', institution: { code: 'ADD' } });

    const trail = await t.dataSource.query(
      `SELECT actor_id, diff FROM audit_events WHERE action = 'comment.answer' AND entity_id = $1 ORDER BY occurred_at, id`,
      [id],
    );
    expect(trail.map((row: { actor_id: string }) => row.actor_id)).toEqual([mefOfficer.userId, coordinator.userId]);
    expect(trail[0].diff.answeredFor).toEqual({ before: null, after: 'MEF' });
    expect(trail[1].diff.answer.after).toBe('Réponse de l’ADD.');
  });

  it('checks the text (3 to 2000 characters once trimmed) and the name (up to 80), naming the field', async () => {
    const rules = async (body: Record<string, unknown>) =>
      fields((await post('activities', activityId, body).expect(400)).body);
    expect(await rules({ body: '     ' })).toEqual(['body:minLength']);
    expect(await rules({ body: ' ab ' })).toEqual(['body:minLength']);
    expect(await rules({ body: 'x'.repeat(2001) })).toEqual(['body:maxLength']);
    expect(await rules({ body: 42 })).toContain('body:isString');
    expect(await rules({ name: 'n'.repeat(81) })).toEqual(['name:maxLength']);
    expect(await rules({ email: 'someone@example.ma' })).toEqual(['email:whitelistValidation']);
    await post('activities', activityId, { body: 'x'.repeat(2000), name: 'n'.repeat(80) }).expect(202);
    await post('activities', '00000000-0000-4000-8000-000000000000', {}).expect(404);
    await post('measures', 'not-a-uuid', {}).expect(404);
    await t.http.get('/api/v1/activities/00000000-0000-4000-8000-000000000000/comments').expect(404);
    await t.http.get(`/api/v1/measures/${measureId}/comments?pageSize=101`).expect(400);
    await coordinator.get('/api/v1/comments?status=everything').expect(400);
  });

  it('drops a comment that filled the honeypot, with the same answer', async () => {
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM plan_comments`);
    const response = await post('activities', activityId, { website: 'https://spam.example.com' }).expect(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'pending' });
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM plan_comments`);
    expect(after).toBe(before);
  });

  it('limits comments from one address to PUBLIC_COMMENT_RATE_LIMIT (10) a minute, on measures and activities alike', async () => {
    const send = (target: 'activities' | 'measures', id: string) =>
      t.http
        .post(`/api/v1/${target}/${id}/comments`)
        .set('X-Forwarded-For', '10.9.9.9')
        .send({ body: 'Encore une question.' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send('activities', activityId)).status);
    for (let i = 0; i < 4; i++) statuses.push((await send('measures', measureId)).status);
    expect(statuses).toEqual(Array(10).fill(202));
    const refused = await send('activities', activityId).expect(429);
    expect((refused.body as ApiErrorBody).code).toBe('TOO_MANY_REQUESTS');
    await send('measures', measureId).expect(429);
    // Another address is not held back, and reading is not limited.
    await post('measures', measureId, {}).expect(202);
    await t.http.get(`/api/v1/activities/${activityId}/comments`).set('X-Forwarded-For', '10.9.9.9').expect(200);
  });
});
