import type {
  ApiErrorBody,
  EventDetail,
  HackathonChallenge,
  HackathonTeam,
  HackathonView,
  ReuseView,
} from '@marsad/contracts';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

const rulesOf = (body: ApiErrorBody) => body.fields.map((f) => `${f.field}:${f.rule}`).sort();

describe('Hackathons: challenges, teams, results and winners as reuses (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let officer: Client;
  const today = todayInMorocco();
  let hackathon: EventDetail;
  let mobility: HackathonChallenge;
  let budget: HackathonChallenge;
  const teams: Record<string, HackathonTeam> = {};

  const dataset = (ckanId: string, title: string, org: string | null, groups: string[]) =>
    t.dataSource.query(
      `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, groups, title_key)
       VALUES ($1, $2, $3, $4, $5::text[], lower($3))`,
      [ckanId, `${ckanId}-name`, title, org, groups],
    );

  const event = async (type: string, title: string): Promise<EventDetail> =>
    (
      await coordinator
        .post('/api/v1/events')
        .send({
          type,
          title: { fr: title },
          startsOn: addDays(today, -3),
          endsOn: addDays(today, -2),
          format: 'in_person',
        })
        .expect(201)
    ).body;

  const view = async (client: Client | null = null): Promise<HackathonView> =>
    (await (client ?? t.http).get(`/api/v1/events/${hackathon.id}/hackathon`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    officer = await t.as({ role: 'OFFICER', institution: 'MEF', email: 'rod@mef.hackathon.ma' });
    await t.dataSource.query(`UPDATE institutions SET portal_org_name = 'mef-portail' WHERE code = 'MEF'`);
    await dataset('d-bus', 'Lignes de bus de Rabat', 'mef-portail', ['transport']);
    await dataset('d-gares', 'Gares ferroviaires', null, ['transport']);
    await dataset('d-budget', 'Budget des communes 2024', 'mef-portail', ['finances', 'collectivites']);
    await t.dataSource.query(
      `INSERT INTO portal_datasets (ckan_id, name, title, organization_name, title_key, deleted_at)
       VALUES ('d-gone', 'gone', 'Retiré du portail', NULL, 'retire', now())`,
    );
    hackathon = await event('hackathon', 'Hackathon national des données ouvertes');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts empty, for anyone', async () => {
    expect(await view()).toEqual({ eventId: hackathon.id, challenges: [], teams: [], resultsOut: false });
  });

  it('lets only coordinators write, and checks the datasets against the portal', async () => {
    const body = { title: { fr: 'Mieux se déplacer' }, datasetIds: ['d-bus'] };
    await t.http.post(`/api/v1/events/${hackathon.id}/hackathon/challenges`).send(body).expect(401);
    await officer.post(`/api/v1/events/${hackathon.id}/hackathon/challenges`).send(body).expect(403);
    await officer.post(`/api/v1/events/${hackathon.id}/hackathon/teams`).send({ name: 'X', members: 2 }).expect(403);

    const bad: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/challenges`)
        .set('Accept-Language', 'fr')
        .send({ title: { fr: 'Défi' }, datasetIds: ['d-bus', 'd-nope', 'd-gone'] })
        .expect(400)
    ).body;
    expect(rulesOf(bad)).toEqual(['datasetIds.1:unknownPortalDataset', 'datasetIds.2:unknownPortalDataset']);
    const empty: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/challenges`)
        .send({ title: { fr: '  ' }, datasetIds: 'd-bus' })
        .expect(400)
    ).body;
    expect(rulesOf(empty)).toEqual(expect.arrayContaining(['title:hasSomeLocale', 'datasetIds:isArray']));
    await coordinator
      .post('/api/v1/events/00000000-0000-4000-8000-000000000000/hackathon/challenges')
      .send(body)
      .expect(404);
  });

  it('adds challenges on the portal’s datasets, with their administration and themes', async () => {
    mobility = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/challenges`)
        .send({
          title: { fr: 'Mieux se déplacer en ville', ar: 'تنقل أفضل في المدينة' },
          description: { fr: 'Aider chacun à choisir son trajet.' },
          datasetIds: ['d-bus', 'd-gares', 'd-bus'],
        })
        .expect(201)
    ).body;
    expect(mobility.datasets.map((d) => d.portalId)).toEqual(['d-bus', 'd-gares']);
    expect(mobility.datasets[0]).toEqual({
      portalId: 'd-bus',
      name: 'd-bus-name',
      title: 'Lignes de bus de Rabat',
      institution: expect.objectContaining({ code: 'MEF' }),
      themes: ['transport'],
    });
    expect(mobility.datasets[1].institution).toBeNull();
    budget = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/challenges`)
        .send({ title: { fr: 'Comprendre le budget de ma commune' }, datasetIds: ['d-budget'] })
        .expect(201)
    ).body;
    expect(budget.version).toBe(1);

    // A stale form gets 409 with the challenge as it is now.
    const changed: HackathonChallenge = (
      await coordinator
        .patch(`/api/v1/hackathon/challenges/${budget.id}`)
        .send({ version: budget.version, description: { fr: 'Rendre lisibles les dépenses publiques.' } })
        .expect(200)
    ).body;
    expect(changed.version).toBe(2);
    const stale = await coordinator
      .patch(`/api/v1/hackathon/challenges/${budget.id}`)
      .send({ version: budget.version, title: { fr: 'Autre' } })
      .expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    budget = changed;
  });

  it('registers teams with their submissions; names are unique in the hackathon and challenges its own', async () => {
    const add = async (body: Record<string, unknown>): Promise<HackathonTeam> =>
      (await coordinator.post(`/api/v1/events/${hackathon.id}/hackathon/teams`).send(body).expect(201)).body;
    teams.trajets = await add({
      name: 'Trajets Maroc',
      members: 4,
      challengeId: mobility.id,
      submission: { title: 'Trajets Maroc', url: 'https://trajets.example.ma', description: null },
    });
    teams.budget = await add({
      name: 'Budget Clair',
      members: 5,
      challengeId: budget.id,
      submission: { title: 'ميزانيتي بوضوح', url: 'https://budget.example.ma' },
    });
    teams.souss = await add({
      name: 'Data Souss',
      members: 3,
      challengeId: budget.id,
      submission: { title: 'Ma commune en chiffres' },
    });
    expect(teams.souss).toEqual(
      expect.objectContaining({
        submission: { title: 'Ma commune en chiffres', url: null, description: null },
        score: null,
        rank: null,
        reuseId: null,
      }),
    );

    const other = await event('workshop', 'Atelier');
    const otherHackathon = await event('hackathon', 'Autre hackathon');
    const foreign: HackathonChallenge = (
      await coordinator
        .post(`/api/v1/events/${otherHackathon.id}/hackathon/challenges`)
        .send({ title: { fr: 'Ailleurs' } })
        .expect(201)
    ).body;
    const duplicate: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/teams`)
        .send({ name: 'trajets maroc', members: 2, challengeId: foreign.id })
        .expect(400)
    ).body;
    expect(rulesOf(duplicate)).toEqual(['challengeId:unknownChallenge', 'name:duplicateTeamName']);
    const limits: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/events/${hackathon.id}/hackathon/teams`)
        .send({ name: 'Trop', members: 51, submission: { title: '', url: 'ftp://x' } })
        .expect(400)
    ).body;
    expect(rulesOf(limits)).toEqual(
      expect.arrayContaining(['members:max', 'submission.title:isNotEmpty', 'submission.url:isUrl']),
    );

    // Not a hackathon: 400 on reading and on writing.
    const notHackathon: ApiErrorBody = (
      await t.http.get(`/api/v1/events/${other.id}/hackathon`).set('Accept-Language', 'fr').expect(400)
    ).body;
    expect(rulesOf(notHackathon)).toEqual(['event:notHackathon']);
    expect(notHackathon.fields[0].message).toContain('pas un hackathon');
    await coordinator
      .post(`/api/v1/events/${other.id}/hackathon/teams`)
      .send({ name: 'Équipe', members: 2 })
      .expect(400);
    await t.http.get('/api/v1/events/00000000-0000-4000-8000-000000000000/hackathon').expect(404);
  });

  it('records the jury’s scores and ranks; the public sees the ranking, without personal data', async () => {
    const score = async (key: string, body: Record<string, unknown>) => {
      teams[key] = (
        await coordinator
          .patch(`/api/v1/hackathon/teams/${teams[key].id}`)
          .send({ version: teams[key].version, ...body })
          .expect(200)
      ).body;
    };
    const bad: ApiErrorBody = (
      await coordinator
        .patch(`/api/v1/hackathon/teams/${teams.souss.id}`)
        .send({ version: teams.souss.version, score: 74.255, rank: 0 })
        .expect(400)
    ).body;
    expect(rulesOf(bad)).toEqual(['rank:min', 'score:isDecimal']);
    await coordinator
      .patch(`/api/v1/hackathon/teams/${teams.souss.id}`)
      .send({ version: teams.souss.version, score: 100.5 })
      .expect(400);
    await score('souss', { score: 74.25, rank: 2 });
    await score('budget', { score: 82 });
    await score('trajets', { score: 87.5, rank: 1 });
    expect(teams.souss).toEqual(expect.objectContaining({ score: 74.25, rank: 2, version: 2 }));

    // A team read before the jury's change is stale.
    await coordinator.patch(`/api/v1/hackathon/teams/${teams.trajets.id}`).send({ version: 1, rank: 3 }).expect(409);
    // Renaming a team to another's name is refused too.
    const rename: ApiErrorBody = (
      await coordinator
        .patch(`/api/v1/hackathon/teams/${teams.budget.id}`)
        .send({ version: teams.budget.version, name: 'Data Souss' })
        .expect(400)
    ).body;
    expect(rulesOf(rename)).toEqual(['name:duplicateTeamName']);

    const response = await t.http.get(`/api/v1/events/${hackathon.id}/hackathon`).expect(200);
    const publicView: HackathonView = response.body;
    expect(publicView.resultsOut).toBe(true);
    // Ranked first (by rank), then the others by score.
    expect(publicView.teams.map((team) => [team.name, team.rank, team.score])).toEqual([
      ['Trajets Maroc', 1, 87.5],
      ['Data Souss', 2, 74.25],
      ['Budget Clair', null, 82],
    ]);
    expect(publicView.challenges.map((c) => c.title.fr)).toEqual([
      'Mieux se déplacer en ville',
      'Comprendre le budget de ma commune',
    ]);
    expect(response.text).not.toMatch(/@|\+212/);
    expect(Object.keys(publicView.teams[0]).sort()).toEqual(
      ['challengeId', 'id', 'members', 'name', 'rank', 'reuseId', 'score', 'submission', 'version'].sort(),
    );
  });

  it('publishes the winner’s project as a reuse, once, in one transaction with its audit', async () => {
    const notRanked: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/hackathon/teams/${teams.budget.id}/reuse`)
        .send({ reuserType: 'startup' })
        .expect(400)
    ).body;
    expect(rulesOf(notRanked)).toEqual(['rank:notRanked']);
    const noUrl: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/hackathon/teams/${teams.souss.id}/reuse`)
        .send({ reuserType: 'civil_society' })
        .expect(400)
    ).body;
    expect(rulesOf(noUrl)).toEqual(['submission.url:noSubmissionUrl']);
    await officer.post(`/api/v1/hackathon/teams/${teams.trajets.id}/reuse`).send({ reuserType: 'startup' }).expect(403);
    await coordinator
      .post(`/api/v1/hackathon/teams/${teams.trajets.id}/reuse`)
      .send({ reuserType: 'unicorn' })
      .expect(400);

    const reuse: ReuseView = (
      await coordinator
        .post(`/api/v1/hackathon/teams/${teams.trajets.id}/reuse`)
        .send({ reuserType: 'startup' })
        .expect(201)
    ).body;
    expect(reuse).toEqual(
      expect.objectContaining({
        title: { fr: 'Trajets Maroc' },
        url: 'https://trajets.example.ma',
        origin: 'hackathon',
        status: 'published',
        reuserType: 'startup',
        hackathon: { eventId: hackathon.id, title: hackathon.title },
      }),
    );
    expect(reuse.datasets.map((d) => d.portalId)).toEqual(['d-bus', 'd-gares']);
    expect(reuse.description.fr).toContain('Trajets Maroc');

    const shown: ReuseView = (await t.http.get(`/api/v1/reuses/${reuse.id}`).expect(200)).body;
    expect(shown.id).toBe(reuse.id);
    expect(shown.contactEmail).toBeNull();

    const again: ApiErrorBody = (
      await coordinator
        .post(`/api/v1/hackathon/teams/${teams.trajets.id}/reuse`)
        .send({ reuserType: 'startup' })
        .expect(400)
    ).body;
    expect(rulesOf(again)).toEqual(['reuseId:alreadyReused']);

    const after = await view();
    const winner = after.teams.find((team) => team.id === teams.trajets.id) as HackathonTeam;
    expect(winner.reuseId).toBe(reuse.id);
    teams.trajets = winner;
    const [audit] = await t.dataSource.query(
      `SELECT diff FROM audit_events WHERE action = 'hackathon-team.reuse' AND entity_id = $1`,
      [teams.trajets.id],
    );
    expect(audit.diff).toEqual({ reuseId: { before: null, after: reuse.id } });

    // An Arabic title goes under ar; the team's own description is kept as written.
    teams.budget = (
      await coordinator
        .patch(`/api/v1/hackathon/teams/${teams.budget.id}`)
        .send({
          version: teams.budget.version,
          rank: 3,
          submission: {
            title: 'ميزانيتي بوضوح',
            url: 'https://budget.example.ma',
            description: 'لوحة قيادة للميزانية',
          },
        })
        .expect(200)
    ).body;
    const arabic: ReuseView = (
      await coordinator
        .post(`/api/v1/hackathon/teams/${teams.budget.id}/reuse`)
        .send({ reuserType: 'civil_society' })
        .expect(201)
    ).body;
    expect(arabic.title).toEqual({ ar: 'ميزانيتي بوضوح' });
    expect(arabic.description).toEqual({ ar: 'لوحة قيادة للميزانية' });
    expect(arabic.datasets.map((d) => d.portalId)).toEqual(['d-budget']);
    teams.budget = (await view()).teams.find((team) => team.id === teams.budget.id) as HackathonTeam;
  });

  it('removes teams and challenges with the version read; a team whose project is a reuse stays', async () => {
    const refused: ApiErrorBody = (
      await coordinator
        .delete(`/api/v1/hackathon/teams/${teams.trajets.id}?version=${teams.trajets.version}`)
        .expect(400)
    ).body;
    expect(rulesOf(refused)).toEqual(['reuseId:teamHasReuse']);
    await officer.delete(`/api/v1/hackathon/challenges/${budget.id}?version=${budget.version}`).expect(403);
    await t.http.delete(`/api/v1/hackathon/challenges/${budget.id}?version=${budget.version}`).expect(401);
    await coordinator.delete(`/api/v1/hackathon/challenges/${budget.id}?version=1`).expect(409);
    await coordinator.delete(`/api/v1/hackathon/challenges/${budget.id}?version=${budget.version}`).expect(204);

    const after = await view();
    expect(after.challenges.map((c) => c.id)).toEqual([mobility.id]);
    // The challenge's teams stay, without it, at a new version.
    const souss = after.teams.find((team) => team.id === teams.souss.id) as HackathonTeam;
    expect(souss.challengeId).toBeNull();
    expect(souss.version).toBe(teams.souss.version + 1);
    await coordinator.delete(`/api/v1/hackathon/teams/${souss.id}?version=${teams.souss.version}`).expect(409);
    await coordinator.delete(`/api/v1/hackathon/teams/${souss.id}?version=${souss.version}`).expect(204);
    expect((await view()).teams.map((team) => team.name)).toEqual(['Trajets Maroc', 'Budget Clair']);
    await coordinator.delete(`/api/v1/hackathon/teams/${souss.id}?version=${souss.version}`).expect(404);

    const actions: { action: string }[] = await t.dataSource.query(
      `SELECT DISTINCT action FROM audit_events WHERE entity_type IN ('hackathon_challenge', 'hackathon_team') ORDER BY action`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'hackathon-challenge.create',
      'hackathon-challenge.delete',
      'hackathon-challenge.update',
      'hackathon-team.create',
      'hackathon-team.delete',
      'hackathon-team.reuse',
      'hackathon-team.update',
    ]);
  });
});
