import { EVENT_TYPE_MEASURE, type EventType } from '@marsad/contracts';
import { addDays } from '../../common/time/today';
import { COORDINATOR_CODE } from '../reference-seed.service';
import { at, type NationalContext } from './national-context';
import { EVENT_TITLES, FEEDBACK_COMMENTS, PARTNERS, REJECT_REASONS, REUSE_SUBJECTS } from './national-vocab';

const TYPES: [EventType, number][] = [
  ['training', 0.4],
  ['workshop', 0.3],
  ['promotion', 0.2],
  ['hackathon', 0.03],
  ['other', 0.07],
];

/** Types whose participants are the register's officers (the others count their public by category). */
const WITH_OFFICERS = new Set<EventType>(['training', 'workshop', 'other']);

/**
 * The plan's events over the year (trainings, workshops, promotion, hackathons), most held, a few
 * cancelled, those after the as-of day planned; the officers who took part (among those in office
 * on the day), the other participants counted by category, feedback answers and yearly targets.
 */
export async function generateEvents(ctx: NationalContext): Promise<void> {
  const asOf = ctx.asOf;
  const activities: { code: string; number: number }[] = await ctx.query(
    `SELECT a.code, m.number FROM activities a JOIN measures m ON m.id = a.measure_id ORDER BY m.number, a.position`,
  );
  const places: { id: string }[] = await ctx.query(
    `SELECT id FROM institutions WHERE active AND type IN ('region', 'province') ORDER BY code`,
  );
  const organisers: { id: string }[] = await ctx.query(
    `SELECT id FROM institutions WHERE active AND type IN ('ministry', 'region', 'public_institution') ORDER BY code`,
  );
  const add = ctx.institution(COORDINATOR_CODE).id;
  const rows: Record<string, unknown>[] = [];
  for (let n = 1; n <= ctx.volumes.events; n++) {
    const key = `event:${n}`;
    let type: EventType = 'other';
    let r = ctx.h(`${key}:type`);
    for (const [t, share] of TYPES) {
      if (r < share) {
        type = t;
        break;
      }
      r -= share;
    }
    const startsOn = addDays(asOf, -365 + Math.floor(ctx.h(`${key}:day`) * 425));
    const endsOn = addDays(startsOn, type === 'hackathon' ? 1 : ctx.int(`${key}:days`, 0, 1));
    const status = endsOn >= asOf ? 'planned' : ctx.h(`${key}:cancel`) < 0.07 ? 'cancelled' : 'held';
    const f = ctx.h(`${key}:format`);
    const format = f < 0.55 ? 'in_person' : f < 0.8 ? 'online' : 'hybrid';
    const title = ctx.pick(`${key}:title`, EVENT_TITLES[type]);
    const measure = EVENT_TYPE_MEASURE[type];
    const createdOn = addDays(startsOn, -ctx.int(`${key}:created`, 15, 60));
    rows.push({
      id: ctx.uid(key),
      type,
      title: { fr: `${title.fr} (${n})`, ar: `${title.ar} (${n})` },
      starts_on: startsOn,
      ends_on: endsOn,
      format,
      place_id: format === 'online' ? null : ctx.pick(`${key}:place`, places).id,
      online_url: format === 'in_person' ? null : `https://visio.add.gov.ma/evenements/${n}`,
      organiser_id: ctx.h(`${key}:organiser`) < 0.6 ? add : ctx.pick(`${key}:organiser-i`, organisers).id,
      partners: ctx.h(`${key}:partners`) < 0.4 ? [ctx.pick(`${key}:partner`, PARTNERS)] : [],
      audiences: WITH_OFFICERS.has(type)
        ? ['officers', 'data_managers', ...(ctx.h(`${key}:aud`) < 0.5 ? ['civil_servants'] : [])]
        : type === 'hackathon'
          ? ['students_researchers', 'startups_companies', 'civil_society']
          : ['students_researchers', 'startups_companies', 'media'],
      capacity: ctx.h(`${key}:cap`) < 0.8 ? 10 * ctx.int(`${key}:cap-n`, 3, 20) : null,
      status,
      materials:
        status === 'held' && ctx.h(`${key}:materials`) < 0.5
          ? [{ title: 'Support de présentation', url: `https://www.add.gov.ma/evenements/${n}/support.pdf` }]
          : [],
      activity_codes: activities.filter((a) => a.number === measure).map((a) => a.code),
      is_demo: false,
      version: status === 'planned' ? 1 : 2,
      created_at: at(createdOn < asOf ? createdOn : asOf, '09:00'),
      updated_at:
        status === 'planned' ? at(createdOn < asOf ? createdOn : asOf, '09:00') : at(addDays(endsOn, 1), '09:00'),
    });
  }
  await ctx.insertJson('plan_events', rows);

  // Participants: officers in office on the day, allotted to the held events in proportion to their
  // size (a round-robin on a drawn order, so the total is exact when enough people exist). Each event
  // draws a few times its share among the appointments, rather than ranking them all.
  const [{ held }] = await ctx.query<{ held: number }>(
    `SELECT count(*)::int AS held FROM plan_events WHERE status = 'held' AND type = ANY($1::text[])`,
    [[...WITH_OFFICERS]],
  );
  const draws = Math.ceil((4 * ctx.volumes.participations) / Math.max(1, held)) + 20;
  await ctx.query(
    `INSERT INTO event_participants (id, event_id, appointment_id, institution_id, role, created_at)
     SELECT pg_temp.uid('participant:' || x.event_id || ':' || x.appointment_id), x.event_id, x.appointment_id,
            x.institution_id, x.role, pg_temp.ts(x.ends_on + 1, '10:00')
       FROM (
         SELECT c.*, row_number() OVER (ORDER BY c.turn, c.event_id, c.appointment_id) AS pick
           FROM (
             SELECT d.*, row_number() OVER (PARTITION BY d.event_id ORDER BY d.draw) / d.size AS turn
               FROM (
                 SELECT DISTINCT ON (e.id, o.id) e.id AS event_id, e.ends_on, o.id AS appointment_id, o.institution_id, o.role,
                        g AS draw, 0.5 + pg_temp.h('event-size:' || e.id) AS size
                   FROM plan_events e
                   CROSS JOIN LATERAL generate_series(1, $3::int) g
                   JOIN nat_appt a ON a.n = 1 + floor(pg_temp.h('attend:' || e.id || ':' || g) * $4)::int
                   JOIN officer_appointments o ON o.id = a.id
                  WHERE e.status = 'held' AND e.type = ANY($2::text[])
                    AND o.appointed_on <= e.starts_on AND (o.ended_on IS NULL OR o.ended_on >= e.ends_on)
                  ORDER BY e.id, o.id, g
               ) d
           ) c
       ) x
      WHERE x.pick <= $1`,
    [ctx.volumes.participations, [...WITH_OFFICERS], draws, ctx.volumes.appointments],
  );
  // Other participants, counted by category.
  await ctx.query(
    `INSERT INTO event_participant_counts (event_id, category, count)
     SELECT e.id, c.category, pg_temp.ipick('count:' || e.id || ':' || c.category, 3, c.top)
       FROM plan_events e
       CROSS JOIN (VALUES ('civil_servants', 40), ('students_researchers', 150), ('startups_companies', 60),
                          ('civil_society', 30), ('media', 10)) c(category, top)
      WHERE e.status = 'held' AND c.category = ANY(e.audiences)`,
  );
  // Feedback: mostly good, some lukewarm, a few comments.
  await ctx.query(
    `INSERT INTO event_feedback (id, event_id, nonce, personal, overall, content, organisation, comment, submitted_at)
     SELECT pg_temp.uid('feedback:' || e.id || ':' || k), e.id, 'n' || k, pg_temp.h('fb-p:' || e.id || ':' || k) < 0.4,
            v.overall, least(5, greatest(1, v.overall + CASE WHEN v.r < 0.5 THEN 0 ELSE -1 END)),
            CASE WHEN v.r < 0.2 THEN NULL ELSE greatest(1, v.overall - CASE WHEN v.r < 0.6 THEN 1 ELSE 0 END) END,
            CASE WHEN k <= 2 THEN pg_temp.pick('fb-c:' || e.id || ':' || k, $2::text[]) END,
            least($1::timestamptz, pg_temp.ts(e.ends_on + pg_temp.ipick('fb-d:' || e.id || ':' || k, 1, 10), '19:00'))
       FROM plan_events e
       CROSS JOIN LATERAL generate_series(1, pg_temp.ipick('answers:' || e.id, 5, 40)) k
       CROSS JOIN LATERAL (SELECT pg_temp.h('fb:' || e.id || ':' || k) AS r) r0
       CROSS JOIN LATERAL (SELECT r0.r, CASE WHEN r0.r < 0.08 THEN 2 WHEN r0.r < 0.3 THEN 3 WHEN r0.r < 0.7 THEN 4 ELSE 5 END AS overall) v
      WHERE e.status = 'held'`,
    [ctx.asOfAt, FEEDBACK_COMMENTS],
  );
  const year = Number(asOf.slice(0, 4));
  await ctx.query(
    `INSERT INTO reach_targets (year, type, events, participants, updated_at)
     SELECT y, t.type, t.events, t.participants, $2::timestamptz
       FROM (VALUES ($1::int - 1), ($1::int)) y(y)
       CROSS JOIN (VALUES ('training', 100, 4000), ('workshop', 80, 2500), ('promotion', 50, 6000), ('hackathon', 6, 600)) t(type, events, participants)`,
    [year, ctx.installedAt],
  );
}

/**
 * Reuses of the portal's datasets proposed over three years: most published, some rejected, a
 * few waiting for moderation; those born at a hackathon point to it.
 */
export async function generateReuses(ctx: NationalContext): Promise<void> {
  const types = ['startup', 'company', 'researcher', 'student', 'civil_society', 'media', 'administration'];
  await ctx.query(
    `CREATE TEMP TABLE nat_live_datasets ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY d.ckan_id)::int AS dn, d.ckan_id FROM portal_datasets d WHERE d.deleted_at IS NULL`,
  );
  await ctx.query(`CREATE INDEX ON nat_live_datasets (dn)`);
  await ctx.query(
    `INSERT INTO reuses (id, title, description, reuser_type, url, origin, status, dataset_ids, contact_email, reject_reason,
        hackathon_event_id, published_at, is_demo, version, created_at, updated_at)
     SELECT pg_temp.uid('reuse:' || n), jsonb_build_object('fr', s->>'fr' || ' (' || n || ')', 'ar', s->>'ar' || ' (' || n || ')'),
            jsonb_build_object('fr', 'Une réutilisation des données publiques : ' || (s->>'fr') || ', construite à partir des jeux de données du portail national.',
                               'ar', 'إعادة استعمال للمعطيات العمومية: ' || (s->>'ar') || '، انطلاقا من مجموعات معطيات البوابة الوطنية.'),
            pg_temp.pick('reuse-type:' || n, $3::text[]),
            'https://' || (s->>'slug') || '-' || n || '.example.org',
            CASE WHEN hk.id IS NOT NULL THEN 'hackathon' WHEN pg_temp.h('reuse-origin:' || n) < 0.18 THEN 'partnership' ELSE 'spontaneous' END,
            st.status,
            ARRAY(SELECT l.ckan_id FROM generate_series(1, pg_temp.ipick('reuse-n:' || n, 1, 4)) j
                    JOIN nat_live_datasets l ON l.dn = 1 + floor(pg_temp.h('reuse-ds:' || n || ':' || j) * (SELECT count(*) FROM nat_live_datasets))::int
                   ORDER BY j),
            CASE WHEN st.status = 'submitted' OR pg_temp.h('reuse-contact:' || n) < 0.3 THEN 'contact-' || n || '@reuse.example.org' END,
            CASE WHEN st.status = 'rejected' THEN pg_temp.pick('reuse-reject:' || n, $4::text[]) END,
            hk.id,
            CASE WHEN st.status = 'published' THEN c.created_at + pg_temp.ipick('reuse-pub:' || n, 2, 20) * interval '1 day' END,
            false, CASE WHEN st.status = 'submitted' THEN 1 ELSE 2 END,
            c.created_at,
            CASE WHEN st.status = 'submitted' THEN c.created_at ELSE c.created_at + pg_temp.ipick('reuse-pub:' || n, 2, 20) * interval '1 day' END
       FROM generate_series(1, $1::int) n
       CROSS JOIN LATERAL (SELECT ($2::jsonb)->(pg_temp.ipick('reuse-subject:' || n, 0, jsonb_array_length($2::jsonb) - 1)) AS s) sj
       CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h('reuse-status:' || n) < 0.08 THEN 'submitted'
                                       WHEN pg_temp.h('reuse-status:' || n) < 0.22 THEN 'rejected' ELSE 'published' END AS status) st
       CROSS JOIN LATERAL (SELECT CASE WHEN st.status = 'submitted'
                                       THEN pg_temp.ts($5::date - pg_temp.ipick('reuse-age:' || n, 1, 25), '11:00')
                                       ELSE pg_temp.ts($5::date - pg_temp.ipick('reuse-age:' || n, 25, 1095), '11:00') END AS created_at) c
       LEFT JOIN LATERAL (SELECT e.id FROM plan_events e
                           WHERE e.type = 'hackathon' AND e.status = 'held' AND e.ends_on < pg_temp.mday(c.created_at)
                             AND pg_temp.h('reuse-hk:' || n) < 0.1
                           ORDER BY e.ends_on DESC, e.id LIMIT 1) hk ON true`,
    [ctx.volumes.reuses, JSON.stringify(REUSE_SUBJECTS), types, REJECT_REASONS, ctx.asOf],
  );
}
