import { OFFICER_ROLE_NAMES, ROLE_NAMES } from '@marsad/contracts';
import { THRESHOLDS_CTE, freshnessSql } from '../../metrics/freshness.sql';
import type { NationalContext } from './national-context';
import { NATIONAL_PORTAL_URL } from './national-portal';
import type { StaffAccount } from './national-people';
import { RETURN_COMMENTS, USER_AGENTS } from './national-vocab';

/** Accounts of the officers in office, by administration: who hears of rounds, reports and action items. */
async function officerAccounts(ctx: NationalContext): Promise<void> {
  await ctx.query(
    `CREATE TEMP TABLE nat_officer_users ON COMMIT DROP AS
     SELECT a.institution_id, pg_temp.uid('user:' || a.akey) AS user_id, a.role, a.appointed_on
       FROM nat_appt a WHERE a.seq = a.m AND a.status <> 'ended'`,
  );
  await ctx.query(`CREATE INDEX ON nat_officer_users (institution_id)`);
}

/**
 * The inbox and outbox of the year: what the services would have sent (rounds opening and
 * closing, decisions on reports, action items, meetings, vacancies, feedback requests,
 * invitations, weekly overdue-dataset digests), the most relevant first, cut to the volume asked.
 * Every e-mail was delivered (or not sent, for the categories people turned off); none waits.
 */
export async function generateNotifications(ctx: NationalContext, staff: StaffAccount[]): Promise<void> {
  await officerAccounts(ctx);
  const coordinators = staff.filter((s) => s.role === 'COORDINATOR').map((s) => s.id);
  const secretary = coordinators[0];
  // A few people turned a category off.
  await ctx.query(
    `INSERT INTO notification_preferences (user_id, category, mode, updated_at)
     SELECT u.id, pg_temp.pick('pref-cat:' || u.id, ARRAY['events', 'datasets', 'rounds', 'meetings']),
            'off',
            u.created_at + interval '3 days'
       FROM users u WHERE u.role IN ('OFFICER', 'DATA_MANAGER') AND pg_temp.h('pref:' || u.id) < 0.1`,
  );
  await ctx.query(
    `CREATE TEMP TABLE nat_overdue ON COMMIT DROP AS
     WITH ${THRESHOLDS_CTE},
     late AS (
       SELECT i.id AS institution_id, i.code, i.name, d.title, d.name AS dname,
              row_number() OVER (PARTITION BY i.id ORDER BY d.last_updated_at NULLS FIRST, d.name) AS n
         FROM portal_datasets d JOIN institutions i ON i.portal_org_name = d.organization_name AND i.active
         LEFT JOIN freshness_thresholds ft ON ft.frequency = d.frequency
        WHERE d.deleted_at IS NULL AND ${freshnessSql('d', '$1')} IN ('overdue', 'delinquent'))
     SELECT institution_id, code, name, count(*)::int AS total,
            string_agg(E'\\n• ' || title || ' — ${NATIONAL_PORTAL_URL}/dataset/' || dname, '' ORDER BY n) FILTER (WHERE n <= 3) AS list
       FROM late GROUP BY institution_id, code, name`,
    [ctx.asOfAt],
  );
  await ctx.query(
    `CREATE TEMP TABLE nat_notes ON COMMIT DROP AS
     WITH rounds AS (
       SELECT r.id, r.name, r.opens_on, r.closes_on FROM reporting_rounds r
     ), owing AS (
       SELECT DISTINCT no, round_id, institution_id FROM nat_obl
     ), handed AS (
       SELECT round_id, activity_id, institution_id, min(first_at) AS first_at FROM nat_rep GROUP BY 1, 2, 3
     ), missing AS (
       SELECT b.round_id, b.institution_id, count(*)::int AS owed,
              count(*) FILTER (WHERE h.first_at < pg_temp.ts(r.closes_on - 7, '07:00'))::int AS handed
         FROM nat_obl b JOIN rounds r ON r.id = b.round_id
         LEFT JOIN handed h ON h.round_id = b.round_id AND h.activity_id = b.activity_id AND h.institution_id = b.institution_id
        GROUP BY b.round_id, b.institution_id
     ), items AS (
       SELECT i.id, i.text, i.due_on, i.status, i.created_at, i.owner_institution_id, o.name AS owner,
              'R' || m.number || '-D' || d.number || '-A' || i.number AS reference
         FROM committee_action_items i JOIN committee_decisions d ON d.id = i.decision_id
         JOIN committee_meetings m ON m.id = d.meeting_id JOIN institutions o ON o.id = i.owner_institution_id
     ), sitting AS (
       SELECT DISTINCT m.id AS meeting_id, r.user_id FROM committee_meetings m
         JOIN committee_representatives r ON r.user_id IS NOT NULL AND r.from_on <= pg_temp.mday(m.starts_at)
              AND (r.to_on IS NULL OR r.to_on > pg_temp.mday(m.starts_at))
     )
     SELECT 0 AS prio, 'round.opened' AS kind, 'round.opened:' || w.round_id || ':' || u.user_id AS dedup, u.user_id,
            jsonb_build_object('round', r.name, 'closesOn', r.closes_on) AS params, '/home' AS link, true AS inbox,
            pg_temp.ts(r.opens_on, '08:00') AS at
       FROM owing w JOIN rounds r ON r.id = w.round_id JOIN nat_officer_users u ON u.institution_id = w.institution_id
      WHERE u.appointed_on <= r.opens_on
     UNION ALL
     SELECT 0, 'round.closing', 'round.closing:' || x.round_id || ':7:' || u.user_id, u.user_id,
            jsonb_build_object('round', r.name, 'closesOn', r.closes_on, 'days', 7, 'missing', x.owed - x.handed), '/home', true,
            pg_temp.ts(r.closes_on - 7, '07:00')
       FROM missing x JOIN rounds r ON r.id = x.round_id JOIN nat_officer_users u ON u.institution_id = x.institution_id
      WHERE x.handed < x.owed AND r.closes_on - 7 <= $1::date
     UNION ALL
     SELECT 0, 'report.validated', 'report.validated:' || p.id || ':' || p.version || ':' || p.author_id, p.author_id,
            jsonb_build_object('code', p.acode, 'title', a.title, 'by', u.decided_by_name, 'progress', p.progress),
            '/activities/' || p.activity_id || '#report-' || p.id, true, p.decided_at
       FROM nat_rep p JOIN progress_updates u ON u.id = p.id JOIN activities a ON a.id = p.activity_id
      WHERE p.state = 'validated' AND p.author_id IS NOT NULL
     UNION ALL
     SELECT 0, 'report.returned', 'report.returned:' || p.id || ':2:' || p.author_id, p.author_id,
            jsonb_build_object('code', p.acode, 'title', a.title, 'by', u.decided_by_name,
                               'comment', pg_temp.pick('comment:' || p.k, $2::text[])),
            '/activities/' || p.activity_id || '#report-' || p.id, true, p.t1
       FROM nat_rep p JOIN progress_updates u ON u.id = p.id JOIN activities a ON a.id = p.activity_id
      WHERE p.path IN ('returned', 'revised') AND p.t1 <= $3::timestamptz AND p.author_id IS NOT NULL
     UNION ALL
     SELECT 0, 'action-item.assigned', 'action-item.assigned:' || i.id || ':' || u.user_id, u.user_id,
            jsonb_build_object('reference', i.reference, 'text', i.text, 'dueOn', i.due_on, 'owner', i.owner),
            '/committee/action-items', true, i.created_at
       FROM items i JOIN (SELECT institution_id, user_id FROM nat_officer_users
                          UNION ALL SELECT NULL, $4::uuid) u ON u.institution_id = i.owner_institution_id OR u.institution_id IS NULL
     UNION ALL
     SELECT 0, 'action-item.overdue', 'action-item.overdue:' || i.id || ':' || i.due_on || ':' || u.user_id, u.user_id,
            jsonb_build_object('reference', i.reference, 'text', i.text, 'dueOn', i.due_on, 'owner', i.owner, 'daysLate', 1),
            '/committee/action-items', true, pg_temp.ts(i.due_on + 1, '07:00')
       FROM items i JOIN nat_officer_users u ON u.institution_id = i.owner_institution_id
      WHERE i.status IN ('open', 'in_progress') AND i.due_on < $1::date
     UNION ALL
     SELECT 0, 'meeting.scheduled', 'meeting.scheduled:' || m.id || ':scheduled:' || s.user_id, s.user_id,
            jsonb_build_object('number', m.number, 'startsAt', to_char(m.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                               'place', coalesce(m.place, m.online_url)),
            '/committee/meetings/' || m.id, true, m.created_at
       FROM committee_meetings m JOIN sitting s ON s.meeting_id = m.id
     UNION ALL
     SELECT 0, 'officer.vacancy', 'officer.vacancy:' || a.id || ':' || c.id, c.id,
            jsonb_build_object('institution', i.name, 'role', ($5::jsonb)->a.role, 'endedOn', a.ended_on),
            '/institutions/' || i.code, true, least($3::timestamptz, pg_temp.ts(a.ended_on + 1, '08:00'))
       FROM nat_appt a JOIN institutions i ON i.id = a.institution_id CROSS JOIN unnest($6::uuid[]) c(id)
      WHERE a.seq = a.m AND a.status = 'ended'
     UNION ALL
     SELECT 1, 'event.feedback-request', 'event.feedback-request:' || p.id || ':' || pg_temp.uid('user:' || a.akey),
            pg_temp.uid('user:' || a.akey),
            jsonb_build_object('event', e.title, 'startsOn', e.starts_on, 'closesOn', e.ends_on + 14),
            '/events/' || e.id, true, pg_temp.ts(e.ends_on + 1, '10:00')
       FROM event_participants p JOIN plan_events e ON e.id = p.event_id JOIN nat_appt a ON a.id = p.appointment_id
     UNION ALL
     SELECT 1, 'account.invitation', 'account.invitation:' || u.id || ':' || u.id, u.id,
            jsonb_build_object('role', ($7::jsonb)->u.role,
                               'expiresAt', to_char((u.created_at + interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            NULL, false, u.created_at
       FROM users u WHERE u.role <> 'ADMIN'
     UNION ALL
     SELECT 2, 'datasets.overdue', 'datasets.overdue:' || o.institution_id || ':' || w.day || ':' || u.user_id, u.user_id,
            jsonb_build_object('institution', o.name, 'count', greatest(1, round(o.total * (0.8 + 0.4 * pg_temp.h('od:' || o.code || w.day)))::int),
                               'list', o.list),
            '/metrics/' || o.code, true, pg_temp.ts(w.day, '07:30')
       FROM nat_overdue o
       CROSS JOIN (SELECT d::date AS day FROM generate_series($8::date, $1::date, interval '1 day') d
                    WHERE extract(isodow FROM d) = 1) w
       JOIN nat_officer_users u ON u.institution_id = o.institution_id AND u.appointed_on <= w.day`,
    [
      ctx.asOf,
      RETURN_COMMENTS,
      ctx.asOfAt,
      secretary,
      JSON.stringify(OFFICER_ROLE_NAMES),
      coordinators,
      JSON.stringify(ROLE_NAMES),
      ctx.firstDay,
    ],
  );
  await ctx.query(
    `INSERT INTO notifications (id, user_id, kind, category, params, link, dedup_key, in_inbox, read_at, email_state, digest,
        digest_id, attempts, next_attempt_at, lease_until, last_error, sent_at, created_at)
     SELECT pg_temp.uid('notification:' || x.dedup), x.user_id, x.kind, c.category, x.params, x.link, x.dedup, x.inbox,
            CASE WHEN x.inbox AND pg_temp.h('read:' || x.dedup) < CASE WHEN x.at < $2::timestamptz - interval '14 days' THEN 0.8 ELSE 0.4 END
                 THEN least($2::timestamptz, x.at + pg_temp.ipick('read-h:' || x.dedup, 1, 72) * interval '1 hour') END,
            CASE WHEN c.category <> 'account' AND p.mode = 'off' THEN 'off' ELSE 'sent' END,
            NULL, NULL,
            CASE WHEN c.category <> 'account' AND p.mode = 'off' THEN 0 ELSE 1 END,
            x.at, NULL, NULL,
            CASE WHEN c.category <> 'account' AND p.mode = 'off' THEN NULL ELSE least($2::timestamptz, x.at + interval '1 minute') END,
            x.at
       FROM (SELECT * FROM nat_notes n WHERE n.at <= $2::timestamptz
              ORDER BY n.prio, pg_temp.h('nt:' || n.dedup), n.dedup LIMIT $1) x
       JOIN jsonb_each_text($3::jsonb) c(kind, category) ON c.kind = x.kind
       JOIN users u ON u.id = x.user_id
       LEFT JOIN notification_preferences p ON p.user_id = x.user_id AND p.category = c.category`,
    [ctx.volumes.notifications, ctx.asOfAt, JSON.stringify(KIND_CATEGORIES)],
  );
}

const KIND_CATEGORIES: Record<string, string> = {
  'report.returned': 'reports',
  'report.validated': 'reports',
  'round.opened': 'rounds',
  'round.closing': 'rounds',
  'action-item.assigned': 'actionItems',
  'action-item.due-soon': 'actionItems',
  'action-item.overdue': 'actionItems',
  'meeting.scheduled': 'meetings',
  'datasets.overdue': 'datasets',
  'officer.vacancy': 'officers',
  'event.feedback-request': 'events',
  'account.invitation': 'account',
};

/**
 * The audit trail of the year: an event for every change the generated data went through (accounts
 * and appointments made and ended, mappings, reports handed in, validated, returned and corrected,
 * rounds, confirmations, committee work, events, reuses, manual harvests), then everyday edits
 * (contacts corrected, preferences, dates, websites) up to the volume asked.
 */
export async function generateAudit(ctx: NationalContext, staff: StaffAccount[]): Promise<void> {
  const admin = staff.find((s) => s.role === 'ADMIN') as StaffAccount;
  const coordinators = staff.filter((s) => s.role === 'COORDINATOR').map((s) => s.id);
  const change = (field: string, before: string, after: string) =>
    `jsonb_build_object('${field}', jsonb_build_object('before', ${before}, 'after', ${after}))`;
  await ctx.query(
    `CREATE TEMP TABLE nat_audit ON COMMIT DROP AS
     WITH coord AS (SELECT c.id, c.i::int AS i FROM unnest($1::uuid[]) WITH ORDINALITY c(id, i))
     SELECT 'user.create:' || u.id AS k, u.created_at AS at, $2::uuid AS actor, 'user' AS etype, u.id::text AS eid,
            'user.create' AS action,
            jsonb_build_object('email', jsonb_build_object('before', NULL, 'after', u.email),
                               'role', jsonb_build_object('before', NULL, 'after', u.role),
                               'displayName', jsonb_build_object('before', NULL, 'after', u.display_name)) AS diff
       FROM users u WHERE u.id <> $2::uuid
     UNION ALL
     SELECT 'officer.appoint:' || o.id, o.created_at, (SELECT id FROM coord WHERE i = pg_temp.ipick('coord:' || o.id::text, 1, $3)),
            'officer-appointment', o.id::text, 'officer.appoint',
            jsonb_strip_nulls(jsonb_build_object(
              'role', jsonb_build_object('before', NULL, 'after', o.role),
              'status', jsonb_build_object('before', NULL, 'after', CASE WHEN o.status = 'ended' THEN 'active' ELSE o.status END),
              'fullName', jsonb_build_object('before', NULL, 'after', o.full_name),
              'email', jsonb_build_object('before', NULL, 'after', o.email),
              'phone', CASE WHEN o.phone IS NOT NULL THEN jsonb_build_object('before', NULL, 'after', o.phone) END,
              'position', CASE WHEN o.position IS NOT NULL THEN jsonb_build_object('before', NULL, 'after', o.position) END,
              'publicConsent', jsonb_build_object('before', NULL, 'after', o.public_consent),
              'appointedOn', jsonb_build_object('before', NULL, 'after', o.appointed_on),
              'actReference', CASE WHEN o.act_reference IS NOT NULL THEN jsonb_build_object('before', NULL, 'after', o.act_reference) END))
       FROM officer_appointments o
     UNION ALL
     SELECT 'officer.end:' || o.id, o.updated_at, (SELECT id FROM coord WHERE i = pg_temp.ipick('coord:' || o.id::text || 'e', 1, $3)),
            'officer-appointment', o.id::text, 'officer.end',
            jsonb_build_object('status', jsonb_build_object('before', 'active', 'after', 'ended'),
                               'endedOn', jsonb_build_object('before', NULL, 'after', o.ended_on),
                               'endReason', jsonb_build_object('before', NULL, 'after', o.end_reason))
       FROM officer_appointments o WHERE o.status = 'ended'
     UNION ALL
     SELECT 'institution.map:' || i.id, i.updated_at, (SELECT id FROM coord WHERE i = 1), 'institution', i.code, 'institution.update',
            ${change('portalOrgName', 'NULL', 'i.portal_org_name')}
       FROM institutions i WHERE i.portal_org_name IS NOT NULL
     UNION ALL
     SELECT 'report.create:' || p.id, u.created_at, p.author_id, 'progress-update', p.id::text, 'progress-update.create',
            jsonb_build_object('activity', jsonb_build_object('before', NULL, 'after', p.acode),
                               'state', jsonb_build_object('before', NULL, 'after', CASE WHEN u.created_at < p.first_at THEN 'draft' ELSE 'submitted' END),
                               'reportedOn', jsonb_build_object('before', NULL, 'after', u.reported_on),
                               'status', jsonb_build_object('before', NULL, 'after', u.status),
                               'progress', jsonb_build_object('before', NULL, 'after', u.progress),
                               'narrative', jsonb_build_object('before', NULL, 'after', u.narrative),
                               'blockers', jsonb_build_object('before', NULL, 'after', u.blockers),
                               'links', jsonb_build_object('before', NULL, 'after', '[]'::jsonb))
       FROM nat_rep p JOIN progress_updates u ON u.id = p.id
     UNION ALL
     SELECT 'report.return:' || p.id, p.t1, p.decider_id, 'progress-update', p.id::text, 'progress-update.return',
            jsonb_build_object('state', jsonb_build_object('before', 'submitted', 'after', 'returned'),
                               'returnComment', jsonb_build_object('before', NULL, 'after', pg_temp.pick('comment:' || p.k, $4::text[])))
       FROM nat_rep p WHERE p.path IN ('returned', 'revised') AND p.t1 <= $5::timestamptz
     UNION ALL
     SELECT 'report.revise:' || p.id, p.t2, p.author_id, 'progress-update', p.id::text, 'progress-update.revise',
            ${change('state', `'returned'`, `'submitted'`)}
       FROM nat_rep p WHERE p.path = 'revised' AND p.t2 <= $5::timestamptz
     UNION ALL
     SELECT 'report.validate:' || p.id, p.decided_at, p.decider_id, 'progress-update', p.id::text, 'progress-update.validate',
            ${change('state', `'submitted'`, `'validated'`)}
       FROM nat_rep p WHERE p.state = 'validated'
     UNION ALL
     SELECT 'round.create:' || r.id, r.created_at, r.created_by_user_id, 'reporting_round', r.id::text, 'round.create',
            jsonb_build_object('name', jsonb_build_object('before', NULL, 'after', r.name),
                               'opensOn', jsonb_build_object('before', NULL, 'after', r.opens_on),
                               'closesOn', jsonb_build_object('before', NULL, 'after', r.closes_on))
       FROM reporting_rounds r
     UNION ALL
     SELECT 'round.close:' || r.id, r.closed_at, r.created_by_user_id, 'reporting_round', r.id::text, 'round.close',
            jsonb_build_object('state', jsonb_build_object('before', 'open', 'after', 'closed'),
                               'completion', jsonb_build_object('before', NULL, 'after', r.frozen->'tally'->'completion'),
                               'planProgress', jsonb_build_object('before', NULL, 'after', r.frozen->'figures'->'planProgress'))
       FROM reporting_rounds r WHERE r.closed_at IS NOT NULL
     UNION ALL
     SELECT 'round.confirm:' || c.id, c.confirmed_at, c.confirmed_by_user_id, 'reporting_round', c.round_id::text, 'round.confirm',
            jsonb_build_object('institution', jsonb_build_object('before', NULL, 'after', i.code),
                               'kind', jsonb_build_object('before', NULL, 'after', c.kind))
       FROM reporting_round_confirmations c JOIN institutions i ON i.id = c.institution_id
     UNION ALL
     SELECT 'meeting.create:' || m.id, m.created_at, (SELECT id FROM coord WHERE i = 1), 'committee_meeting', m.id::text, 'meeting.create',
            jsonb_build_object('number', jsonb_build_object('before', NULL, 'after', m.number),
                               'startsAt', jsonb_build_object('before', NULL, 'after', m.starts_at))
       FROM committee_meetings m
     UNION ALL
     SELECT 'meeting.attendance:' || m.id, m.starts_at + interval '3 hours', (SELECT id FROM coord WHERE i = 1), 'committee_meeting',
            m.id::text, 'meeting.attendance',
            ${change('present', 'NULL', `(SELECT count(*) FROM committee_attendance a WHERE a.meeting_id = m.id AND a.status = 'present')`)}
       FROM committee_meetings m WHERE m.status = 'held'
     UNION ALL
     SELECT 'meeting.minutes:' || m.id, m.minutes_approved_at, (SELECT id FROM coord WHERE i = 1), 'committee_meeting', m.id::text,
            'meeting.minutes-approve', ${change('minutesState', `'draft'`, `'approved'`)}
       FROM committee_meetings m WHERE m.minutes_state = 'approved'
     UNION ALL
     SELECT 'decision.create:' || d.id, d.created_at, (SELECT id FROM coord WHERE i = 1), 'committee_decision', d.id::text,
            'decision.create',
            jsonb_build_object('number', jsonb_build_object('before', NULL, 'after', d.number),
                               'text', jsonb_build_object('before', NULL, 'after', d.text),
                               'actionItems', jsonb_build_object('before', NULL,
                                 'after', (SELECT count(*) FROM committee_action_items i WHERE i.decision_id = d.id)))
       FROM committee_decisions d
     UNION ALL
     SELECT 'action-item.update:' || i.id, i.updated_at, coalesce(n.author_user_id, (SELECT id FROM coord WHERE i = 1)),
            'action_item', i.id::text, 'action-item.update', ${change('status', `'open'`, 'i.status')}
       FROM committee_action_items i
       LEFT JOIN LATERAL (SELECT author_user_id FROM committee_action_item_notes n WHERE n.action_item_id = i.id
                           ORDER BY created_at DESC LIMIT 1) n ON true
      WHERE i.status <> 'open'
     UNION ALL
     SELECT 'representative.add:' || r.id, greatest($6::timestamptz, pg_temp.ts(r.from_on, '09:00')), (SELECT id FROM coord WHERE i = 1), 'committee_representative',
            r.id::text, 'committee.representative-add',
            jsonb_build_object('fullName', jsonb_build_object('before', NULL, 'after', r.full_name),
                               'position', jsonb_build_object('before', NULL, 'after', r.position),
                               'fromOn', jsonb_build_object('before', NULL, 'after', r.from_on))
       FROM committee_representatives r
     UNION ALL
     SELECT 'event.create:' || e.id, e.created_at, (SELECT id FROM coord WHERE i = pg_temp.ipick('coord:' || e.id::text, 1, $3)), 'event',
            e.id::text, 'event.create',
            jsonb_build_object('type', jsonb_build_object('before', NULL, 'after', e.type),
                               'title', jsonb_build_object('before', NULL, 'after', e.title),
                               'startsOn', jsonb_build_object('before', NULL, 'after', e.starts_on))
       FROM plan_events e
     UNION ALL
     SELECT 'event.participants:' || e.id, e.updated_at, (SELECT id FROM coord WHERE i = pg_temp.ipick('coord:' || e.id::text, 1, $3)), 'event',
            e.id::text, 'event.participants',
            ${change('added', 'NULL', '(SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)')}
       FROM plan_events e WHERE e.status = 'held' AND EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id)
     UNION ALL
     SELECT 'reuse.propose:' || r.id, r.created_at, NULL, 'reuse', r.id::text, 'reuse.propose',
            jsonb_build_object('title', jsonb_build_object('before', NULL, 'after', r.title),
                               'reuserType', jsonb_build_object('before', NULL, 'after', r.reuser_type))
       FROM reuses r
     UNION ALL
     SELECT 'reuse.decide:' || r.id, r.updated_at, (SELECT id FROM coord WHERE i = pg_temp.ipick('coord:' || r.id::text, 1, $3)), 'reuse',
            r.id::text, CASE r.status WHEN 'published' THEN 'reuse.publish' ELSE 'reuse.reject' END,
            ${change('status', `'submitted'`, 'r.status')}
       FROM reuses r WHERE r.status <> 'submitted'
     UNION ALL
     SELECT 'harvest.start:' || h.id, h.started_at, h.triggered_by, 'harvest_run', h.id::text, 'harvest.start',
            ${change('mode', 'NULL', 'h.mode')}
       FROM harvest_runs h WHERE h.trigger = 'manual'`,
    [coordinators, admin.id, coordinators.length, RETURN_COMMENTS, ctx.asOfAt, ctx.installedAt],
  );
  const [{ n: natural }] = await ctx.query<{ n: number }>(`SELECT count(*)::int AS n FROM nat_audit`);
  const target = ctx.volumes.auditEvents;
  const actors = [...coordinators, ...coordinators, admin.id];
  // Who acted: their role, administration and request, as the audit service records them.
  const insert = (source: string, params: unknown[]) =>
    ctx.query(
      `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, actor_institution_code, action, entity_type, entity_id, diff,
          request_id, ip, user_agent)
       SELECT pg_temp.uid('audit:' || a.k), least(a.at, $1::timestamptz), a.actor, u.role, i.code, a.action, a.etype, a.eid, a.diff,
              CASE WHEN a.actor IS NULL AND a.action <> 'reuse.propose' THEN NULL ELSE pg_temp.uid('request:' || a.k)::text END,
              CASE WHEN a.actor IS NULL AND a.action <> 'reuse.propose' THEN NULL
                   ELSE '196.' || (200 + floor(pg_temp.u(a.m, 0) * 18)::int) || '.' || floor(pg_temp.u(a.m, 1) * 256)::int || '.'
                        || (1 + floor(pg_temp.u(a.m, 2) * 254)::int) END,
              CASE WHEN a.actor IS NULL AND a.action <> 'reuse.propose' THEN NULL
                   ELSE ($2::text[])[1 + floor(pg_temp.u(a.m, 3) * cardinality($2::text[]))::int] END
         FROM (SELECT s.*, pg_temp.m('au:' || s.k) AS m FROM (${source}) s OFFSET 0) a
         LEFT JOIN users u ON u.id = a.actor
         LEFT JOIN institutions i ON i.id = u.institution_id`,
      [ctx.asOfAt, USER_AGENTS, ...params],
    );
  if (natural >= target) {
    await insert(
      `SELECT k, at, actor, etype, eid, action, diff FROM nat_audit ORDER BY pg_temp.h('au:' || k), k LIMIT $3`,
      [target],
    );
    return;
  }
  await insert(`SELECT k, at, actor, etype, eid, action, diff FROM nat_audit`, []);
  // Everyday edits over the year, up to the volume asked.
  await ctx.query(
    `CREATE TEMP TABLE nat_pool ON COMMIT DROP AS
     SELECT 'officer' AS pool, row_number() OVER (ORDER BY id)::int AS i, id::text AS eid FROM officer_appointments
     UNION ALL SELECT 'user', row_number() OVER (ORDER BY id)::int, id::text FROM users WHERE role IN ('OFFICER', 'DATA_MANAGER')
     UNION ALL SELECT 'activity', row_number() OVER (ORDER BY id)::int, id::text FROM activities
     UNION ALL SELECT 'institution', row_number() OVER (ORDER BY code)::int, code FROM institutions WHERE active
     UNION ALL SELECT 'event', row_number() OVER (ORDER BY id)::int, id::text FROM plan_events`,
  );
  await ctx.query(`CREATE INDEX ON nat_pool (pool, i)`);
  await ctx.analyze('nat_pool');
  const v = (i: number) => `pg_temp.u(k.m2, ${i})`;
  await insert(
    `WITH sizes AS (SELECT pool, count(*)::int AS n FROM nat_pool GROUP BY pool),
     drawn AS MATERIALIZED (
       SELECT g, pg_temp.m('edit:' || g) AS m1, pg_temp.m('edit2:' || g) AS m2 FROM generate_series(1, $3::int) g
     ), kinds AS (
       SELECT d.g, d.m2, pg_temp.u(d.m1, 3) AS e,
              CASE WHEN pg_temp.u(d.m1, 0) < 0.40 THEN 'officer' WHEN pg_temp.u(d.m1, 0) < 0.55 THEN 'user'
                   WHEN pg_temp.u(d.m1, 0) < 0.65 THEN 'activity' WHEN pg_temp.u(d.m1, 0) < 0.80 THEN 'institution'
                   WHEN pg_temp.u(d.m1, 0) < 0.90 THEN 'event' ELSE 'preferences' END AS kind,
              pg_temp.ts($4::date + floor(pg_temp.u(d.m1, 1) * 365)::int,
                         to_char(time '08:00' + floor(pg_temp.u(d.m1, 2) * 600) * interval '1 minute', 'HH24:MI')) AS at
         FROM drawn d
     )
     SELECT 'edit:' || k.g AS k, k.at, ($5::uuid[])[1 + (k.g % cardinality($5::uuid[]))] AS actor,
            CASE k.kind WHEN 'officer' THEN 'officer-appointment' WHEN 'preferences' THEN 'user' ELSE k.kind END AS etype,
            p.eid,
            CASE k.kind WHEN 'officer' THEN 'officer.update' WHEN 'user' THEN 'user.update' WHEN 'activity' THEN 'activity.update'
                        WHEN 'institution' THEN 'institution.update' WHEN 'event' THEN 'event.update'
                        ELSE 'notification-preferences.update' END AS action,
            CASE k.kind
              WHEN 'officer' THEN ${change('phone', `'+212 5' || lpad(floor(${v(0)} * 100000000)::int::text, 8, '0')`, `'+212 5' || lpad(floor(${v(1)} * 100000000)::int::text, 8, '0')`)}
              WHEN 'user' THEN ${change('preferredLocale', `'fr'`, `CASE WHEN ${v(0)} < 0.8 THEN 'ar' ELSE 'en' END`)}
              WHEN 'activity' THEN ${change('weight', `1 + floor(${v(0)} * 3)::int`, `1 + floor(${v(1)} * 3)::int`)}
              WHEN 'institution' THEN ${change('website', 'NULL', `'https://www.' || lower(replace(p.eid, '.', '-')) || '.gov.ma'`)}
              WHEN 'event' THEN ${change('capacity', `10 * (3 + floor(${v(0)} * 18)::int)`, `10 * (3 + floor(${v(1)} * 18)::int)`)}
              ELSE ${change('events', `'immediate'`, `'off'`)} END AS diff
       FROM kinds k
       JOIN sizes s ON s.pool = CASE WHEN k.kind = 'preferences' THEN 'user' ELSE k.kind END
       JOIN nat_pool p ON p.pool = s.pool AND p.i = 1 + floor(k.e * s.n)::int`,
    [target - natural, ctx.firstDay, actors],
  );
}
