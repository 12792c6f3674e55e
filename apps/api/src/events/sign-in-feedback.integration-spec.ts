import type {
  ApiErrorBody,
  AppointmentView,
  EventDetail,
  FeedbackFormView,
  FeedbackLinks,
  InstitutionParticipations,
  ReachView,
  SignInSheetPreview,
  SignInSheetResult,
} from '@marsad/contracts';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8');

describe('Sign-in sheets, feedback and participations (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  const today = todayInMorocco();
  const people: Record<string, AppointmentView> = {};
  let training: EventDetail;

  const appoint = async (code: string, role: 'ROD' | 'GDD', name: string, email: string) => {
    people[name] = (
      await coordinator
        .post(`/api/v1/institutions/${code}/officers`)
        .send({ role, fullName: { fr: name }, email, phone: '+212 600 11 22 33', appointedOn: '2024-01-15' })
        .expect(201)
    ).body;
  };

  const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    await appoint('MEF', 'ROD', 'Amina Tazi', 'amina.tazi@mef.sheet.ma');
    await appoint('MEF', 'GDD', 'Karim Idrissi', 'karim.idrissi@mef.sheet.ma');
    await appoint('HCP', 'ROD', 'Salma Bennani', 'salma.bennani@hcp.sheet.ma');
    training = (
      await coordinator
        .post('/api/v1/events')
        .send({
          type: 'training',
          title: { fr: 'Formation à la publication', ar: 'تكوين حول النشر' },
          startsOn: addDays(today, -10),
          endsOn: addDays(today, -10),
          format: 'in_person',
          status: 'held',
        })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  const sheet = csv([
    ['email', 'name', 'category'],
    ['Amina.Tazi@MEF.sheet.ma', 'Amina Tazi', ''],
    ['karim.idrissi@mef.sheet.ma', 'Karim Idrissi', ''],
    ['salma.bennani@hcp.sheet.ma', 'Salma Bennani', ''],
    ['etudiante@univ.example.ma', 'Nadia', 'Étudiants et chercheurs'],
    ['journaliste@presse.example.ma', 'Omar', ''],
  ]);

  it('previews a sheet with 3 matched and 2 unmatched rows exactly, writing nothing', async () => {
    await (
      await t.as({ role: 'OFFICER', institution: 'MEF' })
    )
      .post(`/api/v1/events/${training.id}/sign-in-sheet/preview`)
      .attach('file', sheet, 'emargement.csv')
      .expect(403);
    const preview: SignInSheetPreview = (
      await coordinator
        .post(`/api/v1/events/${training.id}/sign-in-sheet/preview`)
        .attach('file', sheet, 'emargement.csv')
        .expect(200)
    ).body;
    expect(preview.rows).toBe(5);
    expect(preview.issues).toEqual([]);
    expect(preview.matched.map((m) => [m.row, m.institution.code, m.role, m.fullName.fr, m.alreadyRegistered])).toEqual(
      [
        [2, 'MEF', 'ROD', 'Amina Tazi', false],
        [3, 'MEF', 'GDD', 'Karim Idrissi', false],
        [4, 'HCP', 'ROD', 'Salma Bennani', false],
      ],
    );
    expect(preview.unmatched.map((u) => [u.row, u.email, u.category, u.alreadyCounted])).toEqual([
      [5, 'etudiante@univ.example.ma', 'students_researchers', false],
      [6, 'journaliste@presse.example.ma', 'civil_servants', false],
    ]);
    expect(preview.adds).toEqual({
      registered: 3,
      counted: [
        { category: 'civil_servants', count: 1 },
        { category: 'students_researchers', count: 1 },
      ],
    });
    const event: EventDetail = (await coordinator.get(`/api/v1/events/${training.id}`).expect(200)).body;
    expect(event.participantCount).toBe(0);
    expect(event.version).toBe(training.version);
  });

  it('imports all of a sheet or nothing, at the version read, and counts nobody twice', async () => {
    const stale = await coordinator
      .post(`/api/v1/events/${training.id}/sign-in-sheet`)
      .field('version', String(training.version + 5))
      .attach('file', sheet, 'emargement.csv')
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const broken = csv([
      ['email', 'name', 'category'],
      ['amina.tazi@mef.sheet.ma', 'Amina Tazi', ''],
      ['not-an-email', 'X', ''],
      ['autre@example.ma', 'Y', 'astronautes'],
    ]);
    const refused: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/events/${training.id}/sign-in-sheet`)
        .set('Accept-Language', 'fr')
        .field('version', String(training.version))
        .attach('file', broken, 'emargement.csv')
        .expect(400)
    ).body;
    expect(refused.fields.map((f) => `${f.field}:${f.rule}`)).toEqual(['row 3.email:isEmail', 'row 4.category:isIn']);
    expect((await coordinator.get(`/api/v1/events/${training.id}`)).body.participantCount).toBe(0);

    const result: SignInSheetResult = (
      await coordinator
        .post(`/api/v1/events/${training.id}/sign-in-sheet`)
        .field('version', String(training.version))
        .attach('file', sheet, 'emargement.csv')
        .expect(200)
    ).body;
    expect([result.registered, result.counted, result.unchanged]).toEqual([3, 2, 0]);
    expect(result.event.participantCount).toBe(5);
    expect(result.event.byCategory).toEqual([
      { category: 'officers', count: 2 },
      { category: 'data_managers', count: 1 },
      { category: 'civil_servants', count: 1 },
      { category: 'students_researchers', count: 1 },
    ]);
    // No e-mail of a person outside the register is kept.
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM event_guests`));
    expect(stored).not.toContain('etudiante');

    const again: SignInSheetResult = (
      await coordinator
        .post(`/api/v1/events/${training.id}/sign-in-sheet`)
        .field('version', String(result.event.version))
        .attach('file', sheet, 'emargement.csv')
        .expect(200)
    ).body;
    expect([again.registered, again.counted, again.unchanged]).toEqual([0, 0, 5]);
    expect(again.event.participantCount).toBe(5);
    training = again.event;

    const reach: ReachView = (await t.http.get('/api/v1/reach').expect(200)).body;
    expect(reach.trained.rod.trained).toBe(2);
    expect(reach.trained.gdd.trained).toBe(1);
  });

  it('serves the sheet template in both formats', async () => {
    const xlsx = await t.http.get(`/api/v1/events/${training.id}/sign-in-sheet/template`).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const text = await t.http.get(`/api/v1/events/${training.id}/sign-in-sheet/template?format=csv`).expect(200);
    expect(text.text).toContain('(email)');
  });

  it('takes feedback once per link, within the window, and aggregates it', async () => {
    const links: FeedbackLinks = (
      await coordinator
        .post(`/api/v1/events/${training.id}/feedback-links`)
        .set('Accept-Language', 'fr')
        .send({ count: 2 })
        .expect(200)
    ).body;
    expect(links.links).toHaveLength(2);
    expect(links.links[0]).toMatch(/\/fr\/feedback\/[^/]+$/);
    expect(links.closesOn).toBe(addDays(training.endsOn, 60));
    const [first, second] = links.links.map(tokenOf);

    const form: FeedbackFormView = (await t.http.get(`/api/v1/feedback/${first}`).expect(200)).body;
    expect(form).toMatchObject({ used: false, open: true, event: { id: training.id } });
    await t.http.post(`/api/v1/feedback/${first}`).send({ overall: 6 }).expect(400);
    await t.http
      .post(`/api/v1/feedback/${first}`)
      .send({ overall: 5, content: 4, comment: 'Très utile, merci.' })
      .expect(201);
    const reused = await t.http.post(`/api/v1/feedback/${first}`).send({ overall: 1 }).expect(409);
    expect(reused.body.code).toBe('FEEDBACK_LINK_USED');
    expect((await t.http.get(`/api/v1/feedback/${first}`).expect(200)).body.used).toBe(true);
    await t.http.post(`/api/v1/feedback/${second}`).send({ overall: 2, organisation: 3 }).expect(201);

    const tampered = `${second.slice(0, -3)}${second.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await t.http.get(`/api/v1/feedback/${tampered}`).expect(404);
    await t.http.post(`/api/v1/feedback/not-a-token`).send({ overall: 3 }).expect(404);

    const detail: EventDetail = (await t.http.get(`/api/v1/events/${training.id}`).expect(200)).body;
    expect(detail.satisfaction).toEqual({ responses: 2, overall: 3.5, content: 4, organisation: 3 });
    expect(detail.feedbackComments).toBeNull();
    const managed: EventDetail = (await coordinator.get(`/api/v1/events/${training.id}`).expect(200)).body;
    expect(managed.feedbackComments?.map((c) => c.comment)).toEqual(['Très utile, merci.']);

    const reach: ReachView = (await t.http.get('/api/v1/reach').expect(200)).body;
    expect(reach.eventsByType.find((e) => e.type === 'training')?.satisfaction).toEqual(detail.satisfaction);

    const planned: EventDetail = (
      await coordinator
        .post('/api/v1/events')
        .send({
          type: 'workshop',
          title: { fr: 'Atelier à venir' },
          startsOn: addDays(today, 20),
          endsOn: addDays(today, 20),
          format: 'online',
        })
        .expect(201)
    ).body;
    const early = tokenOf(
      (await coordinator.post(`/api/v1/events/${planned.id}/feedback-links`).send({ count: 1 }).expect(200)).body
        .links[0],
    );
    expect((await t.http.get(`/api/v1/feedback/${early}`).expect(200)).body.open).toBe(false);
    const closed = await t.http.post(`/api/v1/feedback/${early}`).send({ overall: 4 }).expect(409);
    expect(closed.body.code).toBe('FEEDBACK_CLOSED');
  });

  it('sends registered participants with an account a personal link that works once', async () => {
    const user = await t.createAccount({ role: 'OFFICER', institution: 'MEF', email: 'amina.tazi@mef.sheet.ma' });
    const sent = (await coordinator.post(`/api/v1/events/${training.id}/feedback-requests`).expect(200)).body;
    expect(sent).toEqual({ sent: 1, withoutAccount: 2 });
    const [message] = await t.dataSource.query(
      `SELECT link FROM notifications WHERE user_id = $1 AND kind = 'event.feedback-request'`,
      [user.id],
    );
    const token = tokenOf(message.link);
    await t.http.post(`/api/v1/feedback/${token}`).send({ overall: 4 }).expect(201);
    await t.http.post(`/api/v1/feedback/${token}`).send({ overall: 4 }).expect(409);
    // Asking again sends nothing twice.
    await coordinator.post(`/api/v1/events/${training.id}/feedback-requests`).expect(200);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'event.feedback-request'`,
    );
    expect(n).toBe(1);
  });

  it('shows an administration’s trainings to its own people, ADD and the committee only', async () => {
    await t.http.get('/api/v1/institutions/MEF/participations').expect(401);
    await (
      await t.as({ role: 'OFFICER', institution: 'HCP', email: 'rod@hcp.sheet.ma' })
    )
      .get('/api/v1/institutions/MEF/participations')
      .expect(403);
    const own: InstitutionParticipations = (
      await (
        await t.as({ role: 'DATA_MANAGER', institution: 'MEF', email: 'gdd@mef.sheet.ma' })
      )
        .get('/api/v1/institutions/MEF/participations')
        .expect(200)
    ).body;
    expect(own.items.map((p) => [p.event.id, p.role, p.fullName?.fr]).sort()).toEqual([
      [training.id, 'GDD', 'Karim Idrissi'],
      [training.id, 'ROD', 'Amina Tazi'],
    ]);
    expect(own.trainedInOffice).toEqual({ trained: 2, total: 2, share: 100 });
    const committee: InstitutionParticipations = (
      await (await t.as('COMMITTEE')).get('/api/v1/institutions/MEF/participations').expect(200)
    ).body;
    expect(committee.items).toHaveLength(2);
    expect(JSON.stringify(committee)).not.toMatch(/@|\+212/);
  });

  it('lands the imports, links and answers in the audit trail, without the answers’ comments', async () => {
    const rows: { action: string; diff: unknown }[] = await t.dataSource.query(
      `SELECT action, diff FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [training.id],
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'event.sign-in-import',
        'event.feedback-links',
        'event.feedback',
        'event.feedback-requests',
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain('Très utile');
  });
});
