import { harvestDemoPortalOnce } from '../bootstrap';
import { registeredRoutes } from './routes';
import { EMAIL, FICTIONAL, PHONE } from './personal-data';
import { startTestApp, type TestApp } from './test-app';

/**
 * Law 09-08: every public GET, called anonymously on the demo installation (harvested, with
 * events, feedback, reuses, a hackathon and officers with contacts), answers without any e-mail
 * address or phone number.
 */
describe('Public responses carry no e-mail or phone (real database, demo data)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    await harvestDemoPortalOnce(t.app);
    const one = async (sql: string) => (await t.dataSource.query(sql))[0] ?? {};
    const coordinator = await t.as('COORDINATOR');
    const held = await one(`SELECT id FROM plan_events WHERE status = 'held' AND type = 'training' LIMIT 1`);
    const links = (await coordinator.post(`/api/v1/events/${held.id}/feedback-links`).send({ count: 1 }).expect(200))
      .body.links as string[];
    Object.assign(ids, {
      event: held.id,
      hackathon: (await one(`SELECT id FROM plan_events WHERE type = 'hackathon' LIMIT 1`)).id,
      reuse: (await one(`SELECT id FROM reuses WHERE status = 'published' LIMIT 1`)).id,
      token: links[0].slice(links[0].lastIndexOf('/') + 1),
      activity: (await one(`SELECT id FROM activities ORDER BY code LIMIT 1`)).id,
      measure: (await one(`SELECT id FROM measures ORDER BY number LIMIT 1`)).id,
      officer: (await one(`SELECT id FROM officer_appointments WHERE email = 'rod@mef.gov.ma'`)).id,
      meeting: (await one(`SELECT id FROM committee_meetings ORDER BY number LIMIT 1`)).id,
      dataset: (await one(`SELECT ckan_id FROM portal_datasets LIMIT 1`)).ckan_id,
      organization: (await one(`SELECT name FROM portal_organizations LIMIT 1`)).name,
      run: (await one(`SELECT id FROM harvest_runs LIMIT 1`)).id,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A route's path with its parameters set to real rows of the demo. */
  const concrete = (path: string): string =>
    path
      .replace('/events/:id/hackathon', `/events/${ids.hackathon}/hackathon`)
      .replace('/events/:id', `/events/${ids.event}`)
      .replace('/reuses/:id', `/reuses/${ids.reuse}`)
      .replace('/feedback/:token', `/feedback/${ids.token}`)
      .replace('/institutions/:code', '/institutions/MEF')
      .replace('/plans/:code', '/plans/PANDO-2021')
      .replace('/activities/:id', `/activities/${ids.activity}`)
      .replace('/measures/:id', `/measures/${ids.measure}`)
      .replace('/officers/:id', `/officers/${ids.officer}`)
      .replace('/meetings/:id', `/meetings/${ids.meeting}`)
      .replace('/datasets/:id', `/datasets/${ids.dataset}`)
      .replace('/organizations/:name', `/organizations/${ids.organization}`)
      .replace('/runs/:id', `/runs/${ids.run}`)
      .replace(':code', 'MEF');

  it('answers every public GET without an e-mail address or a phone number', async () => {
    const routes = registeredRoutes(t).filter((r) => r.method === 'GET' && r.rule?.kind === 'public');
    expect(routes.length).toBeGreaterThan(30);
    const leaks: string[] = [];
    const answered: string[] = [];
    for (const route of routes) {
      const base = concrete(route.path);
      // Downloads are asked for as CSV, so their text can be read; lists as large pages.
      const urls = /export|template|pack/.test(base) ? [`${base}?format=csv`] : [base, `${base}?pageSize=100`];
      for (const url of urls) {
        const response = await t.http.get(url).buffer(true);
        const raw = response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString('utf8') : '');
        const text = /template/.test(url) ? raw.replace(FICTIONAL, '') : raw;
        if (response.status < 300) answered.push(url);
        const email = EMAIL.exec(text);
        const phone = PHONE.exec(text);
        if (email) leaks.push(`${url}: e-mail ${email[0]}`);
        if (phone) leaks.push(`${url}: phone ${phone[0]}`);
      }
    }
    expect(leaks).toEqual([]);
    // The demo's own pages answered, so the check read real data.
    for (const path of [
      `/api/v1/events/${ids.event}`,
      `/api/v1/events/${ids.hackathon}/hackathon`,
      `/api/v1/reuses/${ids.reuse}`,
      `/api/v1/feedback/${ids.token}`,
      '/api/v1/reach',
      '/api/v1/reuses',
      '/api/v1/institutions/MEF/officers',
    ])
      expect(answered).toContain(path);
  });
});
