import type { Role } from '@marsad/contracts';
import { NATIONAL_DOMAIN } from './national-options';
import type { NationalContext } from './national-context';
import { END_REASONS, FIRST_NAMES, GDD_POSITIONS, LAST_NAMES, ROD_POSITIONS } from './national-vocab';

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The accounts of ADD's staff (one administrator, four coordinators): the actors of validations and edits. */
export async function generateStaff(ctx: NationalContext, passwordHash: string): Promise<StaffAccount[]> {
  const staff: StaffAccount[] = [];
  const person = (key: string) => {
    const first = ctx.pick(`${key}:first`, FIRST_NAMES);
    const last = ctx.pick(`${key}:last`, LAST_NAMES);
    return { name: `${first[0]} ${last[0]}`, slug: `${first[2]}.${last[2]}` };
  };
  const admin = person('staff:admin');
  staff.push({
    id: ctx.uid('user:staff:admin'),
    email: `admin@${NATIONAL_DOMAIN}`,
    name: admin.name,
    role: 'ADMIN',
  });
  for (let k = 1; k <= 4; k++) {
    const p = person(`staff:coordinator:${k}`);
    staff.push({
      id: ctx.uid(`user:staff:coordinator:${k}`),
      email: `${p.slug}.add${k}@${NATIONAL_DOMAIN}`,
      name: p.name,
      role: 'COORDINATOR',
    });
  }
  await ctx.insertJson(
    'users',
    staff.map((s, index) => ({
      id: s.id,
      email: s.email,
      display_name: s.name,
      password_hash: passwordHash,
      role: s.role,
      institution_id: null,
      preferred_locale: index === 3 ? 'ar' : 'fr',
      active: true,
      last_sign_in_at: ctx.asOfAt,
      password_changed_at: ctx.installedAt,
      version: 2,
      created_at: ctx.installedAt,
      updated_at: ctx.installedAt,
    })),
  );
  return staff;
}

/**
 * The open-data officers (ROD) and data managers (GdD) of the registry, with their history: for
 * each administration and role up to three successive appointments, the last one in office
 * (or ended, a vacancy; or an interim ROD), the earlier ones ended when the next began. The
 * committee's members and the plan's leads always have a ROD in office since before the year.
 * Every appointment has its person's account (inactive once the appointment ended).
 */
export async function generateOfficers(ctx: NationalContext, passwordHash: string, priority: string[]): Promise<void> {
  const n = ctx.volumes.appointments;
  const asOf = ctx.asOf;
  await ctx.query(
    `CREATE TEMP TABLE nat_appt ON COMMIT DROP AS
     WITH cand AS (
       SELECT i.id AS institution_id, i.code, i.type, r.role, s.seq, i.code = ANY($2::text[]) AS priority,
              CASE WHEN i.code = ANY($2::text[]) AND r.role = 'ROD' AND s.seq = 1 THEN -1
                   ELSE CASE r.role WHEN 'ROD' THEN 0 ELSE 0.6 END + (s.seq - 1) * 1.2
                        + CASE WHEN i.type = 'commune' THEN 0.4 ELSE 0 END
                        + pg_temp.h('appt-key:' || i.code || ':' || r.role || ':' || s.seq) END AS raw
         FROM institutions i CROSS JOIN (VALUES ('ROD'), ('GDD')) r(role) CROSS JOIN generate_series(1, 3) s(seq)
        WHERE i.active
     ), keyed AS (
       SELECT *, max(raw) OVER (PARTITION BY institution_id, role ORDER BY seq) AS k FROM cand
     ), chosen AS (
       SELECT * FROM keyed ORDER BY k, code, role, seq LIMIT $1
     ), counted AS (
       SELECT c.*, count(*) OVER (PARTITION BY institution_id, role)::int AS m,
              row_number() OVER (ORDER BY code, role, seq)::int AS n,
              code || ':' || role AS slot, code || ':' || role || ':' || seq AS akey
         FROM chosen c
     ), timed AS (
       SELECT c.*,
              CASE WHEN c.priority AND c.role = 'ROD' THEN 400 + floor(pg_temp.h('appt-latest:' || c.slot) * 600)
                   ELSE 30 + floor(pg_temp.h('appt-latest:' || c.slot) * 900) END::int AS latest_back,
              120 + floor(pg_temp.h('appt-dur:' || c.akey) * 700)::int AS dur,
              floor(pg_temp.h('appt-gap:' || c.akey) * 45)::int AS gap
         FROM counted c
     ), dated AS (
       SELECT t.*,
              ($3::date - t.latest_back
                - (sum(CASE WHEN t.seq < t.m THEN t.gap + t.dur ELSE 0 END)
                    OVER (PARTITION BY t.institution_id, t.role ORDER BY t.seq DESC ROWS UNBOUNDED PRECEDING))::int)::date AS appointed_on,
              pg_temp.h('appt-status:' || t.slot) AS sv
         FROM timed t
     )
     SELECT d.*, pg_temp.uid('appointment:' || d.akey) AS id,
            CASE WHEN d.seq < d.m THEN 'ended'
                 WHEN d.priority AND d.role = 'ROD' THEN 'active'
                 WHEN d.sv < 0.04 THEN 'ended'
                 WHEN d.role = 'ROD' AND d.sv < 0.08 THEN 'interim'
                 ELSE 'active' END AS status,
            CASE WHEN d.seq < d.m THEN d.appointed_on + d.dur
                 WHEN d.priority AND d.role = 'ROD' THEN NULL
                 WHEN d.sv < 0.04 THEN d.appointed_on + floor(($3::date - d.appointed_on) * pg_temp.h('appt-vacant:' || d.slot))::int
                 END AS ended_on,
            1 + floor(pg_temp.h('fn:' || d.akey) * $4)::int AS fi,
            1 + floor(pg_temp.h('ln:' || d.akey) * $5)::int AS li
       FROM dated d`,
    [n, priority, asOf, FIRST_NAMES.length, LAST_NAMES.length],
  );
  await ctx.query(`CREATE INDEX ON nat_appt (institution_id, role)`);
  await ctx.query(
    `INSERT INTO officer_appointments (id, institution_id, role, status, full_name, email, phone, position, public_consent,
        appointed_on, act_reference, act_date, ended_on, end_reason, version, created_at, updated_at)
     SELECT a.id, a.institution_id, a.role, a.status,
            jsonb_build_object('ar', ($1::text[])[a.fi] || ' ' || ($4::text[])[a.li], 'fr', ($2::text[])[a.fi] || ' ' || ($5::text[])[a.li]),
            ($3::text[])[a.fi] || '.' || ($6::text[])[a.li] || '.' || a.n || '@${NATIONAL_DOMAIN}',
            CASE WHEN pg_temp.h('phone:' || a.akey) < 0.6
                 THEN '+212 5' || lpad(floor(pg_temp.h('phone-n:' || a.akey) * 100000000)::int::text, 8, '0') END,
            CASE WHEN a.role = 'ROD' THEN pg_temp.pick('pos:' || a.akey, $7::text[]) ELSE pg_temp.pick('pos:' || a.akey, $8::text[]) END,
            pg_temp.h('consent:' || a.akey) < 0.55,
            a.appointed_on,
            CASE WHEN pg_temp.h('act:' || a.akey) < 0.65
                 THEN 'Décision n° ' || extract(year FROM a.appointed_on) || '/' || lpad(pg_temp.ipick('act-n:' || a.akey, 1, 999)::text, 3, '0') END,
            CASE WHEN pg_temp.h('act:' || a.akey) < 0.65 THEN a.appointed_on - pg_temp.ipick('act-d:' || a.akey, 0, 10) END,
            a.ended_on,
            CASE WHEN a.status = 'ended' THEN pg_temp.pick('end:' || a.akey, $9::text[]) END,
            CASE WHEN a.status = 'ended' THEN 2 ELSE 1 END,
            greatest(pg_temp.ts(a.appointed_on + 2, '10:00'), $10::timestamptz + a.n * interval '7 seconds'),
            least($11::timestamptz, greatest(pg_temp.ts(a.appointed_on + 2, '10:00'), $10::timestamptz + a.n * interval '7 seconds',
                  CASE WHEN a.status = 'ended' THEN pg_temp.ts(a.ended_on + 1, '11:00') END))
       FROM nat_appt a ORDER BY a.n`,
    [
      FIRST_NAMES.map((f) => f[1]),
      FIRST_NAMES.map((f) => f[0]),
      FIRST_NAMES.map((f) => f[2]),
      LAST_NAMES.map((l) => l[1]),
      LAST_NAMES.map((l) => l[0]),
      LAST_NAMES.map((l) => l[2]),
      ROD_POSITIONS,
      GDD_POSITIONS,
      END_REASONS,
      ctx.installedAt,
      ctx.asOfAt,
    ],
  );
  // Each appointment's person signs in with the e-mail of the appointment.
  await ctx.query(
    `INSERT INTO users (id, email, display_name, password_hash, role, institution_id, preferred_locale, active,
        last_sign_in_at, password_changed_at, version, created_at, updated_at)
     SELECT pg_temp.uid('user:' || a.akey), o.email, o.full_name->>'fr', $1,
            CASE a.role WHEN 'ROD' THEN 'OFFICER' ELSE 'DATA_MANAGER' END, a.institution_id,
            CASE WHEN pg_temp.h('locale:' || a.akey) < 0.7 THEN 'fr' WHEN pg_temp.h('locale:' || a.akey) < 0.95 THEN 'ar' ELSE 'en' END,
            a.status <> 'ended',
            CASE WHEN a.status <> 'ended' AND pg_temp.h('signin:' || a.akey) < 0.85
                 THEN greatest(o.created_at + interval '1 day', $2::timestamptz - pg_temp.ipick('signin-d:' || a.akey, 0, 60) * interval '1 day'
                               - pg_temp.ipick('signin-h:' || a.akey, 0, 9) * interval '1 hour') END,
            o.created_at + interval '1 day', 2, o.created_at + interval '1 hour',
            CASE WHEN a.status = 'ended' THEN o.updated_at ELSE o.created_at + interval '1 day' END
       FROM nat_appt a JOIN officer_appointments o ON o.id = a.id ORDER BY a.n`,
    [passwordHash, ctx.asOfAt],
  );
}
