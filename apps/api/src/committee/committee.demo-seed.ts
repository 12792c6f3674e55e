import type {
  ActionItemStatus,
  AttendanceStatus,
  CommitteePosition,
  IsoDate,
  PartialLocalizedText,
} from '@marsad/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { addDays } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { Activity } from '../plan/entities/activity.entity';
import { markDemoLoaded } from '../seed/demo-seed.util';
import { ActionItemNote } from './entities/action-item-note.entity';
import { ActionItem } from './entities/action-item.entity';
import { AgendaItem } from './entities/agenda-item.entity';
import { CommitteeAttendance } from './entities/committee-attendance.entity';
import { CommitteeDecision } from './entities/committee-decision.entity';
import { CommitteeMeeting } from './entities/committee-meeting.entity';
import { CommitteeMember } from './entities/committee-member.entity';
import { CommitteeRepresentative } from './entities/committee-representative.entity';
import { proposedAgenda } from './meetings.service';

const DEMO_COMMITTEE_KEY = 'demo_committee';

/** Fictional people for the seven founding members (demo only); the HCP's titular signs in as comite@hcp.ma. */
const REPRESENTATIVES: {
  code: string;
  fullName: string;
  title: string;
  position: CommitteePosition;
  alternate?: boolean;
  account?: string;
}[] = [
  { code: 'ADD', fullName: 'Hicham Benjelloun', title: 'Directeur général', position: 'chair' },
  {
    code: 'ADD',
    fullName: 'Salma Bennani',
    title: 'Cheffe de projet Open Data',
    position: 'secretary',
    account: 'coordination@add.gov.ma',
  },
  { code: 'MTNRA', fullName: 'Leila Chraibi', title: 'Directrice de la transformation digitale', position: 'member' },
  { code: 'MEF', fullName: 'Omar Fassi', title: 'Directeur des systèmes d’information', position: 'member' },
  { code: 'MEF', fullName: 'Nadia Alaoui', title: 'Responsable Open Data', position: 'member', alternate: true },
  { code: 'MJCC-COM', fullName: 'Rachid Amrani', title: 'Chef de division', position: 'member' },
  {
    code: 'HCP',
    fullName: 'Youssef El Idrissi',
    title: 'Directeur de la statistique',
    position: 'member',
    account: 'comite@hcp.ma',
  },
  { code: 'INPPLC', fullName: 'Samira Kettani', title: 'Cheffe de pôle', position: 'member' },
  { code: 'ANRT', fullName: 'Mehdi Lahlou', title: 'Chef de département', position: 'member' },
];

const t = (fr: string, ar: string, en: string): PartialLocalizedText => ({ fr, ar, en });

interface DemoItem {
  owner: string;
  text: PartialLocalizedText;
  dueIn: number;
  status: ActionItemStatus;
  evidence?: string;
  note?: { by: string; body: string };
}

interface DemoDecision {
  text: PartialLocalizedText;
  measures: number[];
  activities?: string[];
  items: DemoItem[];
}

/**
 * The committee's recent history, so its pages and the meeting pack are alive on a new installation:
 * two held meetings (attendance, minutes, decisions, action items: some done, some open, one overdue),
 * one planned meeting whose agenda rolls the open items forward, and a member that joined later
 * (measure 13). Loaded once: returns the number of meetings written, or null when already loaded.
 */
export async function seedDemoCommittee(dataSource: DataSource, today: IsoDate): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_COMMITTEE_KEY, { loadedOn: today }))) return null;
    const members = await manager.getRepository(CommitteeMember).find({ relations: { institution: true } });
    const byCode = new Map(members.map((member) => [member.institution!.code, member]));
    if (byCode.size === 0) return 0;
    const accounts = new Map(
      (await manager.getRepository(User).findBy({ email: In(REPRESENTATIVES.map((r) => r.account ?? '')) })).map(
        (user) => [user.email, user.id],
      ),
    );
    const repRepo = manager.getRepository(CommitteeRepresentative);
    const reps = await repRepo.save(
      REPRESENTATIVES.filter((r) => byCode.has(r.code)).map((r) =>
        repRepo.create({
          memberId: byCode.get(r.code)!.id,
          fullName: r.fullName,
          title: r.title,
          position: r.position,
          alternate: r.alternate ?? false,
          fromOn: '2019-12-01',
          toOn: null,
          email: r.account ?? `${r.fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.marsad.ma`,
          phone: null,
          userId: r.account ? (accounts.get(r.account) ?? null) : null,
          isDemo: true,
        }),
      ),
    );
    // Measure 13 extends the committee: the data-protection authority joined this year.
    const cndp = await manager.getRepository(Institution).findOneBy({ code: 'CNDP' });
    if (cndp && !byCode.has('CNDP')) {
      const member = await manager.getRepository(CommitteeMember).save(
        manager.getRepository(CommitteeMember).create({
          institutionId: cndp.id,
          joinedOn: addDays(today, -120),
          leftOn: null,
          founding: false,
          isDemo: true,
        }),
      );
      reps.push(
        await repRepo.save(
          repRepo.create({
            memberId: member.id,
            fullName: 'Amina Squalli',
            title: 'Cheffe du service conformité',
            position: 'member',
            alternate: false,
            fromOn: addDays(today, -120),
            toOn: null,
            email: 'amina.squalli@demo.marsad.ma',
            phone: null,
            userId: null,
            isDemo: true,
          }),
        ),
      );
    }

    await heldMeeting(manager, reps, today, {
      number: 1,
      day: addDays(today, -190),
      place: 'ADD, Rabat',
      approved: true,
      minutes: t(
        'Le comité a examiné l’état d’avancement du plan, adopté le calendrier de modernisation du portail et demandé la désignation des responsables open data manquants.',
        'تدارست اللجنة تقدم تنفيذ المخطط، وصادقت على الجدول الزمني لتحديث البوابة، وطلبت تعيين المسؤولين عن المعطيات المفتوحة الذين لم يُعيَّنوا بعد.',
        'The committee reviewed the plan’s progress, adopted the portal modernisation timeline and asked for the missing open-data officers to be appointed.',
      ),
      decisions: [
        {
          text: t(
            'Adopter le calendrier de modernisation du portail national.',
            'المصادقة على الجدول الزمني لتحديث البوابة الوطنية.',
            'Adopt the national portal modernisation timeline.',
          ),
          measures: [2],
          items: [
            {
              owner: 'ADD',
              text: t(
                'Publier le cahier des charges du nouveau portail.',
                'نشر دفتر التحملات الخاص بالبوابة الجديدة.',
                'Publish the new portal’s specifications.',
              ),
              dueIn: -150,
              status: 'done',
              evidence: 'Cahier des charges publié sur le site de l’ADD (référence AO 12/ADD).',
            },
          ],
        },
        {
          text: t(
            'Chaque département membre désigne son responsable open data avant la prochaine réunion.',
            'يعين كل قطاع عضو مسؤوله عن المعطيات المفتوحة قبل الاجتماع المقبل.',
            'Each member department appoints its open-data officer before the next meeting.',
          ),
          measures: [3],
          items: [
            {
              owner: 'MEF',
              text: t(
                'Désigner le ROD et le GdD du ministère.',
                'تعيين المسؤول عن المعطيات المفتوحة ومدبر المعطيات بالوزارة.',
                'Appoint the ministry’s ROD and data manager.',
              ),
              dueIn: -110,
              status: 'done',
              evidence: 'Décision de désignation n° 2026-114 transmise à l’ADD.',
            },
          ],
        },
      ],
    });
    await heldMeeting(manager, reps, today, {
      number: 2,
      day: addDays(today, -60),
      place: null,
      onlineUrl: 'https://visio.add.gov.ma/comite-open-data',
      approved: false,
      minutes: t(
        'Le comité constate le retard de la mesure 2 et demande un plan de rattrapage. Il lance l’inventaire des données dans les départements membres.',
        'تسجل اللجنة تأخر الإجراء 2 وتطلب مخططا للتدارك، وتطلق جرد المعطيات لدى القطاعات الأعضاء.',
        'The committee notes that measure 2 is late and asks for a catch-up plan. It launches the data inventory in member departments.',
      ),
      decisions: [
        {
          text: t(
            'Présenter un plan de rattrapage de la mesure 2 (modernisation du portail).',
            'تقديم مخطط لتدارك تأخر الإجراء 2 (تحديث البوابة).',
            'Present a catch-up plan for measure 2 (portal modernisation).',
          ),
          measures: [2],
          items: [
            {
              owner: 'ADD',
              text: t(
                'Préparer et présenter le plan de rattrapage de la mesure 2.',
                'إعداد وتقديم مخطط تدارك الإجراء 2.',
                'Prepare and present the catch-up plan for measure 2.',
              ),
              dueIn: 20,
              status: 'in_progress',
              note: {
                by: 'Salma Bennani',
                body: 'Premier jet partagé avec le prestataire ; calendrier révisé en cours.',
              },
            },
          ],
        },
        {
          text: t(
            'Lancer l’inventaire des données dans les départements membres du comité.',
            'إطلاق جرد المعطيات لدى القطاعات الأعضاء في اللجنة.',
            'Launch the data inventory in the committee’s member departments.',
          ),
          measures: [6],
          items: [
            {
              owner: 'MEF',
              text: t(
                'Transmettre l’inventaire des données du ministère.',
                'موافاة الوكالة بجرد معطيات الوزارة.',
                'Send the ministry’s data inventory.',
              ),
              dueIn: -12,
              status: 'in_progress',
              note: { by: 'Nadia Alaoui', body: 'Inventaire à 70 % ; deux directions n’ont pas encore répondu.' },
            },
            {
              owner: 'HCP',
              text: t(
                'Transmettre l’inventaire des données du HCP.',
                'موافاة الوكالة بجرد معطيات المندوبية.',
                'Send the HCP’s data inventory.',
              ),
              dueIn: 35,
              status: 'open',
            },
          ],
        },
      ],
    });

    // The next meeting: planned, its agenda proposed with every open action item.
    const meetings = manager.getRepository(CommitteeMeeting);
    const next = await meetings.save(
      meetings.create({
        number: 3,
        startsAt: new Date(`${addDays(today, 21)}T10:00:00+01:00`),
        place: 'ADD, Rabat',
        onlineUrl: null,
        status: 'planned',
        experts: [
          {
            name: 'Dr. Hamza Ouazzani',
            organisation: 'Université Mohammed V',
            topic: 'Réutilisation des données par la recherche',
          },
        ],
        minutes: {},
        minutesState: 'draft',
        isDemo: true,
      }),
    );
    const open = await manager.getRepository(ActionItem).find({
      where: { status: In(['open', 'in_progress']) },
      relations: { decision: { meeting: true } },
    });
    open.sort((a, b) => a.decision!.meeting!.number - b.decision!.meeting!.number || a.number - b.number);
    await manager.getRepository(AgendaItem).insert(
      proposedAgenda(open).map((item, index) => ({
        meetingId: next.id,
        position: index + 1,
        title: item.title ?? {},
        measureNumbers: [],
        activityCodes: [],
        actionItemId: item.actionItemId ?? null,
      })),
    );
    return 3;
  });
}

async function heldMeeting(
  manager: EntityManager,
  reps: CommitteeRepresentative[],
  today: IsoDate,
  spec: {
    number: number;
    day: IsoDate;
    place: string | null;
    onlineUrl?: string;
    approved: boolean;
    minutes: PartialLocalizedText;
    decisions: DemoDecision[];
  },
): Promise<CommitteeMeeting> {
  const meetings = manager.getRepository(CommitteeMeeting);
  const startsAt = new Date(`${spec.day}T10:00:00+01:00`);
  const meeting = await meetings.save(
    meetings.create({
      number: spec.number,
      startsAt,
      place: spec.place,
      onlineUrl: spec.onlineUrl ?? null,
      status: 'held',
      experts: [],
      minutes: spec.minutes,
      minutesState: spec.approved ? 'approved' : 'draft',
      minutesApprovedAt: spec.approved ? new Date(startsAt.getTime() + 30 * 86_400_000) : null,
      minutesApprovedBy: spec.approved ? 'Salma Bennani' : null,
      isDemo: true,
    }),
  );
  const activities = await manager.getRepository(Activity).find({ relations: { measure: true } });
  await manager.getRepository(AgendaItem).insert(
    spec.decisions.map((decision, index) => ({
      meetingId: meeting.id,
      position: index + 1,
      title: decision.text,
      measureNumbers: decision.measures,
      activityCodes: activities
        .filter((a) => decision.measures.includes(a.measure!.number))
        .map((a) => a.code)
        .slice(0, 3),
      actionItemId: null,
    })),
  );
  // Everyone sitting that day attended but one titular, excused (the alternate sat).
  const sitting = reps.filter((rep) => rep.fromOn <= spec.day);
  await manager.getRepository(CommitteeAttendance).insert(
    sitting.map((rep, index) => ({
      meetingId: meeting.id,
      representativeId: rep.id,
      status: (spec.number === 2 && index === 3
        ? 'excused'
        : rep.alternate && spec.number === 1
          ? 'absent'
          : 'present') as AttendanceStatus,
      recordedBy: 'Salma Bennani',
    })),
  );
  const owners = new Map(
    (
      await manager
        .getRepository(Institution)
        .findBy({ code: In(spec.decisions.flatMap((d) => d.items.map((i) => i.owner))) })
    ).map((institution) => [institution.code, institution]),
  );
  for (const [index, decision] of spec.decisions.entries()) {
    const row = await manager.getRepository(CommitteeDecision).save(
      manager.getRepository(CommitteeDecision).create({
        meetingId: meeting.id,
        number: index + 1,
        text: decision.text,
        decidedOn: spec.day,
        measureNumbers: decision.measures,
        activityCodes: decision.activities ?? [],
        isDemo: true,
      }),
    );
    for (const [itemIndex, item] of decision.items.entries()) {
      const owner = owners.get(item.owner);
      if (!owner) continue;
      // Due dates are written relative to today (negative: already past).
      const dueOn = addDays(today, item.dueIn);
      const saved = await manager.getRepository(ActionItem).save(
        manager.getRepository(ActionItem).create({
          decisionId: row.id,
          number: itemIndex + 1,
          text: item.text,
          ownerInstitutionId: owner.id,
          ownerPerson: null,
          dueOn,
          status: item.status,
          closingEvidence: item.evidence ?? null,
          closedAt: item.status === 'done' ? new Date(`${addDays(dueOn, -3)}T12:00:00Z`) : null,
          isDemo: true,
        }),
      );
      if (item.note)
        await manager.getRepository(ActionItemNote).insert({
          actionItemId: saved.id,
          body: item.note.body,
          authorUserId: null,
          authorName: item.note.by,
          authorInstitutionId: owner.id,
          status: item.status === 'in_progress' ? 'in_progress' : null,
        });
    }
  }
  return meeting;
}
