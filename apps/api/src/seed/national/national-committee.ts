import type { ActionItemStatus, AttendanceStatus, CommitteePosition, IsoDate } from '@marsad/contracts';
import { addDays } from '../../common/time/today';
import { proposedAgenda } from '../../committee/meetings.service';
import { at, type NationalContext } from './national-context';
import { NATIONAL_DOMAIN, NATIONAL_STRUCTURE } from './national-options';
import type { StaffAccount } from './national-people';
import {
  ACTION_TEXTS,
  CLOSING_EVIDENCE,
  DECISION_TEXTS,
  FIRST_NAMES,
  LAST_NAMES,
  MINUTES,
  NOTE_BODIES,
  ROD_POSITIONS,
} from './national-vocab';

interface Representative {
  id: string;
  memberId: string;
  institutionId: string;
  code: string;
  fullName: string;
  position: CommitteePosition;
  alternate: boolean;
  fromOn: IsoDate;
  toOn: IsoDate | null;
  userId: string | null;
  email: string;
}

export interface CommitteeSummary {
  meetings: { id: string; number: number; day: IsoDate; status: string; startsAt: string; place: string | null }[];
  representatives: Representative[];
}

/** Members who joined after the founding seats (measure 13 extends the committee). */
const LATER_MEMBERS: { code: string; daysBefore: number }[] = [
  { code: 'SGG', daysBefore: 700 },
  { code: 'CNDP', daysBefore: 300 },
];

/**
 * The steering committee's year: its members and their representatives (some replaced during the
 * year), twelve meetings (one cancelled, one planned), their agendas, attendance, minutes,
 * documents and decisions, and the action items those decisions gave, with notes and closing
 * evidence. Returns what notifications and the audit trail need.
 */
export async function generateCommittee(
  ctx: NationalContext,
  staff: StaffAccount[],
  passwordHash: string,
): Promise<CommitteeSummary> {
  const asOf = ctx.asOf;
  const secretary = staff.find((s) => s.role === 'COORDINATOR') as StaffAccount;
  for (const later of LATER_MEMBERS) {
    if (!ctx.institutions.has(later.code)) continue;
    const joinedOn = addDays(asOf, -later.daysBefore);
    await ctx.query(
      `INSERT INTO committee_members (id, institution_id, joined_on, left_on, founding, is_demo, version)
       SELECT $1, $2, $3, NULL, false, false, 1
        WHERE NOT EXISTS (SELECT 1 FROM committee_members WHERE institution_id = $2)`,
      [ctx.uid(`committee-member:${later.code}:${joinedOn}`), ctx.institution(later.code).id, joinedOn],
    );
  }
  const members: { id: string; institution_id: string; code: string; joined_on: IsoDate }[] = await ctx.query(
    `SELECT m.id, m.institution_id, i.code, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on
       FROM committee_members m JOIN institutions i ON i.id = m.institution_id
      WHERE m.left_on IS NULL ORDER BY i.code`,
  );

  // Representatives: ADD chairs and keeps the secretariat; every other member a titular and an alternate.
  const reps: Representative[] = [];
  const users: Record<string, unknown>[] = [];
  const replaced = new Set(
    [...members]
      .filter((m) => m.code !== 'ADD')
      .sort((a, b) => ctx.h(`rep-change:${a.code}`) - ctx.h(`rep-change:${b.code}`))
      .slice(0, 3)
      .map((m) => m.code),
  );
  const person = (key: string) => {
    const first = ctx.pick(`${key}:first`, FIRST_NAMES);
    const last = ctx.pick(`${key}:last`, LAST_NAMES);
    return { name: `${first[0]} ${last[0]}`, slug: `${first[2]}.${last[2]}` };
  };
  const addRep = (
    member: (typeof members)[number],
    key: string,
    position: CommitteePosition,
    alternate: boolean,
    fromOn: IsoDate,
    toOn: IsoDate | null,
    account: 'committee' | 'secretary' | null,
  ) => {
    const p = account === 'secretary' ? { name: secretary.name, slug: '' } : person(`rep:${key}`);
    const id = ctx.uid(`representative:${key}`);
    let userId: string | null = null;
    let email = `${p.slug}.${member.code.toLowerCase().replace(/[^a-z0-9]+/g, '')}@${NATIONAL_DOMAIN}`;
    if (account === 'secretary') {
      userId = secretary.id;
      email = secretary.email;
    }
    if (account === 'committee') {
      userId = ctx.uid(`user:committee:${key}`);
      users.push({
        id: userId,
        email,
        display_name: p.name,
        password_hash: passwordHash,
        role: 'COMMITTEE',
        institution_id: null,
        preferred_locale: ctx.h(`rep-locale:${key}`) < 0.8 ? 'fr' : 'ar',
        active: true,
        last_sign_in_at: at(addDays(asOf, -ctx.int(`rep-signin:${key}`, 0, 40)), '11:00'),
        password_changed_at: at(addDays(fromOn > asOf ? asOf : fromOn, 1), '09:00'),
        version: 2,
        created_at: at(fromOn, '09:00') < ctx.installedAt ? ctx.installedAt : at(fromOn, '09:00'),
        updated_at: at(fromOn, '09:00') < ctx.installedAt ? ctx.installedAt : at(fromOn, '09:00'),
      });
    }
    reps.push({
      id,
      memberId: member.id,
      institutionId: member.institution_id,
      code: member.code,
      fullName: p.name,
      position,
      alternate,
      fromOn,
      toOn,
      userId,
      email,
    });
  };
  for (const member of members) {
    const since = member.joined_on;
    if (member.code === 'ADD') {
      addRep(member, 'ADD:chair', 'chair', false, since, null, null);
      addRep(member, 'ADD:secretary', 'secretary', false, since, null, 'secretary');
      continue;
    }
    if (replaced.has(member.code)) {
      const change = addDays(asOf, -ctx.int(`rep-change-day:${member.code}`, 60, 300));
      addRep(member, `${member.code}:titular:1`, 'member', false, since, change, null);
      addRep(member, `${member.code}:titular:2`, 'member', false, change, null, 'committee');
    } else {
      addRep(member, `${member.code}:titular:1`, 'member', false, since, null, 'committee');
    }
    addRep(member, `${member.code}:alternate`, 'member', true, since, null, null);
  }
  if (users.length) await ctx.insertJson('users', users);
  await ctx.insertJson(
    'committee_representatives',
    reps.map((r) => ({
      id: r.id,
      member_id: r.memberId,
      full_name: r.fullName,
      title: ctx.pick(`rep-title:${r.id}`, ROD_POSITIONS),
      position: r.position,
      alternate: r.alternate,
      from_on: r.fromOn,
      to_on: r.toOn,
      email: r.email,
      phone:
        ctx.h(`rep-phone:${r.id}`) < 0.5
          ? `+212 6${String(ctx.int(`rep-phone-n:${r.id}`, 0, 99_999_999)).padStart(8, '0')}`
          : null,
      user_id: r.userId,
      is_demo: false,
      version: r.toOn ? 2 : 1,
    })),
  );

  // Twelve meetings a month apart: the seventh cancelled, the last one planned after the as-of day.
  const activities: { code: string; number: number }[] = await ctx.query(
    `SELECT a.code, m.number FROM activities a JOIN measures m ON m.id = a.measure_id ORDER BY m.number, a.position`,
  );
  const measureNumbers = [...new Set(activities.map((a) => a.number))];
  const meetings: CommitteeSummary['meetings'] = [];
  const meetingRows: Record<string, unknown>[] = [];
  const total = NATIONAL_STRUCTURE.meetings;
  for (let number = 1; number <= total; number++) {
    const planned = number === total;
    const day = planned ? addDays(asOf, 14) : addDays(asOf, -335 + (number - 1) * 30);
    const status = planned ? 'planned' : number === 7 ? 'cancelled' : 'held';
    const online = number % 3 === 0;
    const startsAt = at(day, '10:00');
    meetings.push({
      id: ctx.uid(`meeting:${number}`),
      number,
      day,
      status,
      startsAt,
      place: online ? null : 'ADD, Rabat',
    });
    meetingRows.push({
      id: ctx.uid(`meeting:${number}`),
      number,
      starts_at: startsAt,
      place: online ? null : 'ADD, Rabat',
      online_url: online ? 'https://visio.add.gov.ma/comite-open-data' : null,
      status,
      experts:
        ctx.h(`experts:${number}`) < 0.3
          ? [
              {
                name: person(`expert:${number}`).name,
                organisation: 'Université Mohammed V',
                topic: 'Réutilisation des données',
              },
            ]
          : [],
      minutes: status === 'held' ? MINUTES : {},
      minutes_state: 'draft',
      minutes_approved_at: null,
      minutes_approved_by: null,
      is_demo: false,
      version: status === 'held' ? 3 : status === 'cancelled' ? 2 : 1,
      created_at: at(addDays(day, -21), '09:30'),
      updated_at: at(planned ? addDays(day, -21) : addDays(day, 1), '09:30'),
    });
  }
  // Minutes are approved at the next held meeting (the last held one's are still a draft).
  const held = meetings.filter((m) => m.status === 'held');
  for (const [index, meeting] of held.entries()) {
    const next = held[index + 1];
    if (!next) continue;
    const row = meetingRows.find((r) => r.id === meeting.id) as Record<string, unknown>;
    row['minutes_state'] = 'approved';
    row['minutes_approved_at'] = at(next.day, '12:00');
    row['minutes_approved_by'] = secretary.name;
    row['updated_at'] = at(next.day, '12:00');
  }
  await ctx.insertJson('committee_meetings', meetingRows);

  // Decisions (three per held meeting) and the action items they give.
  const decisions: { id: string; meeting: number; number: number; day: IsoDate; measure: number; text: object }[] = [];
  for (const meeting of held)
    for (let n = 1; n <= 3; n++) {
      const measure = ctx.pick(`decision-measure:${meeting.number}:${n}`, measureNumbers);
      const t = ctx.pick(`decision-text:${meeting.number}:${n}`, DECISION_TEXTS);
      decisions.push({
        id: ctx.uid(`decision:${meeting.number}:${n}`),
        meeting: meeting.number,
        number: n,
        day: meeting.day,
        measure,
        text: {
          fr: t.fr.replace('{m}', String(measure)),
          ar: t.ar.replace('{m}', String(measure)),
          en: t.en.replace('{m}', String(measure)),
        },
      });
    }
  await ctx.insertJson(
    'committee_decisions',
    decisions.map((d) => ({
      id: d.id,
      meeting_id: ctx.uid(`meeting:${d.meeting}`),
      number: d.number,
      text: d.text,
      decided_on: d.day,
      measure_numbers: [d.measure],
      activity_codes: activities
        .filter((a) => a.number === d.measure)
        .map((a) => a.code)
        .slice(0, 2),
      is_demo: false,
      created_at: at(d.day, '13:00'),
    })),
  );
  const owners: { institution_id: string; code: string; user_id: string; name: string }[] = await ctx.query(
    `SELECT a.institution_id, a.code, pg_temp.uid('user:' || a.akey) AS user_id, o.full_name->>'fr' AS name
       FROM nat_appt a JOIN officer_appointments o ON o.id = a.id
      WHERE a.role = 'ROD' AND a.seq = a.m AND a.status = 'active'
        AND a.type IN ('ministry', 'public_institution', 'public_enterprise', 'independent_authority', 'other', 'region')
      ORDER BY a.code`,
  );
  const items: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  const count = ctx.volumes.actionItems;
  for (let i = 1; i <= count && decisions.length && owners.length; i++) {
    const decision = decisions[(i - 1) % decisions.length];
    const number = Math.floor((i - 1) / decisions.length) + 1;
    const key = `item:${decision.meeting}:${decision.number}:${number}`;
    const owner = ctx.pick(`${key}:owner`, owners);
    const dueOn = addDays(decision.day, ctx.int(`${key}:due`, 30, 150));
    const r = ctx.h(`${key}:status`);
    const past = dueOn < asOf;
    const status: ActionItemStatus = past
      ? r < 0.6
        ? 'done'
        : r < 0.65
          ? 'dropped'
          : r < 0.8
            ? 'in_progress'
            : 'open'
      : r < 0.2
        ? 'done'
        : r < 0.6
          ? 'in_progress'
          : 'open';
    const createdAt = at(decision.day, '17:00');
    const closedDay = minDay(addDays(dueOn, ctx.int(`${key}:closed`, -20, 10)), asOf);
    const closedAt =
      status === 'done' || status === 'dropped'
        ? at(closedDay > decision.day ? closedDay : addDays(decision.day, 1), '12:00')
        : null;
    const progressDay = minDay(addDays(decision.day, ctx.int(`${key}:progress`, 5, 40)), asOf);
    const updatedAt =
      closedAt ?? (status === 'in_progress' ? at(progressDay > decision.day ? progressDay : asOf, '12:00') : createdAt);
    const text = ctx.pick(`${key}:text`, ACTION_TEXTS);
    const id = ctx.uid(key);
    items.push({
      id,
      decision_id: decision.id,
      number,
      text,
      owner_institution_id: owner.institution_id,
      owner_person: ctx.h(`${key}:person`) < 0.5 ? owner.name : null,
      due_on: dueOn,
      status,
      closing_evidence:
        status === 'done'
          ? ctx
              .pick(`${key}:evidence`, CLOSING_EVIDENCE)
              .replace('{n}', `${ctx.int(`${key}:n`, 100, 9999)}/${decision.day.slice(0, 4)}`)
              .replace('{d}', closedAt?.slice(0, 10) ?? '')
          : null,
      closed_at: closedAt,
      is_demo: false,
      version: status === 'open' ? 1 : status === 'in_progress' ? 2 : 3,
      created_at: createdAt,
      updated_at: updatedAt,
    });
    if (status === 'in_progress' || status === 'done') {
      const noteCount = ctx.int(`${key}:notes`, 1, 2);
      for (let k = 1; k <= noteCount; k++)
        notes.push({
          id: ctx.uid(`${key}:note:${k}`),
          action_item_id: id,
          body: ctx.pick(`${key}:note-body:${k}`, NOTE_BODIES),
          author_user_id: owner.user_id,
          author_name: owner.name,
          author_institution_id: owner.institution_id,
          status: k === noteCount ? status : null,
          created_at: k === noteCount ? updatedAt : minInstant(at(addDays(decision.day, 3), '11:00'), updatedAt),
        });
    }
  }
  await ctx.insertJson('committee_action_items', items);
  if (notes.length) await ctx.insertJson('committee_action_item_notes', notes);

  // Agendas: the standing items around the decisions taken; the planned meeting rolls the open items forward.
  const agenda: Record<string, unknown>[] = [];
  for (const meeting of meetings.filter((m) => m.status !== 'planned')) {
    const taken = decisions.filter((d) => d.meeting === meeting.number);
    const titles = proposedAgenda([]).map((item) => item.title ?? {});
    const rows = [titles[0], titles[1], ...taken.map((d) => d.text), titles[2]];
    rows.forEach((title, index) =>
      agenda.push({
        id: ctx.uid(`agenda:${meeting.number}:${index + 1}`),
        meeting_id: meeting.id,
        position: index + 1,
        title,
        measure_numbers: index >= 2 && index < 2 + taken.length ? [taken[index - 2].measure] : [],
        activity_codes: [],
        action_item_id: null,
      }),
    );
  }
  const next = meetings.find((m) => m.status === 'planned');
  if (next) {
    const open = items.filter((item) => item['status'] === 'open' || item['status'] === 'in_progress');
    proposedAgenda(open.map((item) => ({ id: item['id'] as string }))).forEach((item, index) =>
      agenda.push({
        id: ctx.uid(`agenda:${next.number}:${index + 1}`),
        meeting_id: next.id,
        position: index + 1,
        title: item.title ?? {},
        measure_numbers: [],
        activity_codes: [],
        action_item_id: item.actionItemId ?? null,
      }),
    );
  }
  await ctx.insertJson('committee_agenda_items', agenda);

  // Attendance of everyone sitting on the day; the alternate comes when the titular cannot.
  const attendance: Record<string, unknown>[] = [];
  for (const meeting of held) {
    const sitting = reps.filter((r) => r.fromOn <= meeting.day && (r.toOn === null || meeting.day < r.toOn));
    const titularThere = new Map<string, boolean>();
    for (const rep of sitting.filter((r) => !r.alternate)) {
      const v = ctx.h(`attend:${meeting.number}:${rep.id}`);
      const status: AttendanceStatus = v < 0.85 ? 'present' : v < 0.95 ? 'excused' : 'absent';
      titularThere.set(rep.memberId, status === 'present' || (titularThere.get(rep.memberId) ?? false));
      attendance.push(attendanceRow(rep, status));
    }
    for (const rep of sitting.filter((r) => r.alternate))
      attendance.push(attendanceRow(rep, titularThere.get(rep.memberId) ? 'absent' : 'present'));
    function attendanceRow(rep: Representative, status: AttendanceStatus) {
      return {
        id: ctx.uid(`attendance:${meeting.number}:${rep.id}`),
        meeting_id: meeting.id,
        representative_id: rep.id,
        status,
        confirmed_by_self_at:
          rep.userId && status === 'present' && ctx.h(`self:${meeting.number}:${rep.id}`) < 0.5
            ? at(addDays(meeting.day, -2), '16:00')
            : null,
        recorded_by: secretary.name,
        updated_at: at(meeting.day, '13:00'),
      };
    }
  }
  await ctx.insertJson('committee_attendance', attendance);

  // Documents: the presentation of every held meeting, the signed minutes of the approved ones.
  const documents: Record<string, unknown>[] = [];
  for (const meeting of held) {
    documents.push({
      id: ctx.uid(`document:${meeting.number}:presentation`),
      meeting_id: meeting.id,
      kind: 'link',
      role: 'document',
      title: `Présentation de l’état d’avancement (réunion n° ${meeting.number})`,
      url: `https://www.add.gov.ma/comite-open-data/reunion-${meeting.number}/presentation.pdf`,
      created_at: at(addDays(meeting.day, -3), '15:00'),
    });
    const row = meetingRows.find((r) => r.id === meeting.id) as Record<string, unknown>;
    if (row['minutes_state'] === 'approved')
      documents.push({
        id: ctx.uid(`document:${meeting.number}:minutes`),
        meeting_id: meeting.id,
        kind: 'link',
        role: 'minutes_signed',
        title: `Procès-verbal signé de la réunion n° ${meeting.number}`,
        url: `https://www.add.gov.ma/comite-open-data/reunion-${meeting.number}/proces-verbal.pdf`,
        created_at: row['minutes_approved_at'],
      });
  }
  await ctx.insertJson('committee_documents', documents);
  return { meetings, representatives: reps };
}

const minDay = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
/** The earlier of two instants written by `at` (same offset, so they compare as strings). */
const minInstant = (a: string, b: string): string => (a < b ? a : b);
