import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  type AgendaItemInput,
  type AgendaItemView,
  type AgendaProposal,
  type AttendanceView,
  type CommitteeDocumentView,
  type DecisionView,
  type IsoDate,
  type MeetingDetail,
  type MeetingSummary,
  type PartialLocalizedText,
} from '@marsad/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, SignedInContext } from '../auth/actor';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';
import { Activity } from '../plan/entities/activity.entity';
import { Measure } from '../plan/entities/measure.entity';
import { Institution } from '../institutions/entities/institution.entity';
import { StorageService } from '../storage/storage.service';
import { checkedDocument, decodeFileName, type FileUpload } from '../storage/file-type.util';
import { ActionItemsService } from './action-items.service';
import { CommitteeMembersService, sittingOn } from './committee-members.service';
import { actionItemReference, maySeeCommitteePeople } from './committee-rules';
import { mapDecision, mapDocument, mapRepresentative } from './committee.mappers';
import type {
  AddDocumentDto,
  ApproveMinutesDto,
  ConfirmOwnAttendanceDto,
  CreateDecisionDto,
  CreateMeetingDto,
  RecordAttendanceDto,
  UpdateMeetingDto,
} from './dto/committee.dto';
import { ActionItem } from './entities/action-item.entity';
import { AgendaItem } from './entities/agenda-item.entity';
import { CommitteeAttendance } from './entities/committee-attendance.entity';
import { CommitteeDecision } from './entities/committee-decision.entity';
import { CommitteeDocument } from './entities/committee-document.entity';
import { CommitteeMeeting } from './entities/committee-meeting.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { officerAccounts, representativeAccounts } from '../notifications/recipients';

/** The calendar day (in Morocco) a meeting is held on: membership and decisions are dated by it. */
export const meetingDay = (meeting: Pick<CommitteeMeeting, 'startsAt'>): IsoDate => todayInMorocco(meeting.startsAt);

/** The standing items of every agenda, around the follow-up of open action items. */
const STANDING_ITEMS = {
  minutes: {
    ar: 'المصادقة على محضر الاجتماع السابق',
    fr: 'Approbation du procès-verbal de la réunion précédente',
    en: 'Approval of the minutes of the previous meeting',
  },
  progress: {
    ar: 'تقدم تنفيذ مخطط العمل منذ الاجتماع السابق',
    fr: 'Avancement du plan d’action depuis la réunion précédente',
    en: 'Progress of the action plan since the previous meeting',
  },
  other: { ar: 'نقاط مختلفة', fr: 'Divers', en: 'Any other business' },
} satisfies Record<string, PartialLocalizedText>;

/** The standing items, with one follow-up item per open action item (they roll forward). */
export function proposedAgenda(open: { id: string }[]): AgendaItemInput[] {
  return [
    { title: STANDING_ITEMS.minutes },
    { title: STANDING_ITEMS.progress },
    ...open.map((item) => ({ actionItemId: item.id })),
    { title: STANDING_ITEMS.other },
  ];
}

/** The committee's meetings: agenda, attendance, minutes, documents and decisions. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly members: CommitteeMembersService,
    private readonly actionItems: ActionItemsService,
    private readonly storage: StorageService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(): Promise<MeetingSummary[]> {
    const meetings = await this.dataSource
      .getRepository(CommitteeMeeting)
      .find({ relations: { attendance: true }, order: { startsAt: 'DESC' } });
    const counts: { meetingId: string; agenda: string; decisions: string }[] = await this.dataSource.query(
      `SELECT m.id AS "meetingId",
              (SELECT count(*) FROM committee_agenda_items a WHERE a.meeting_id = m.id) AS agenda,
              (SELECT count(*) FROM committee_decisions d WHERE d.meeting_id = m.id) AS decisions
         FROM committee_meetings m`,
    );
    const byId = new Map(counts.map((row) => [row.meetingId, row]));
    const seats = await this.members.seats(this.dataSource.manager);
    return meetings.map((meeting) => {
      const expected = sittingOn(seats, meetingDay(meeting)).length;
      const row = byId.get(meeting.id);
      return this.summary(meeting, expected, Number(row?.agenda ?? 0), Number(row?.decisions ?? 0));
    });
  }

  /** The next planned meeting (today's included) and the newest held one, for the homes. */
  async nextAndLast(): Promise<{ next: MeetingSummary | null; last: MeetingSummary | null }> {
    const all = await this.list();
    const now = new Date().toISOString().slice(0, 10);
    const next =
      all
        .filter((m) => m.status === 'planned' && m.startsAt.slice(0, 10) >= now)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null;
    const last = all.filter((m) => m.status === 'held').sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0] ?? null;
    return { next, last };
  }

  async get(id: string, reader: Actor | null): Promise<MeetingDetail> {
    return this.detail(this.dataSource.manager, id, reader);
  }

  /** What the next meeting's agenda starts from: the standing items and every open action item. */
  async proposal(): Promise<AgendaProposal> {
    const open = await this.actionItems.find(this.dataSource.manager, { status: 'open' });
    return { items: proposedAgenda(open), openActionItems: open };
  }

  create(caller: SignedInContext, dto: CreateMeetingDto): Promise<MeetingDetail> {
    return this.dataSource
      .transaction(async (manager) => {
        // Numbers follow one another: one meeting is numbered at a time.
        await manager.query('LOCK TABLE committee_meetings IN SHARE ROW EXCLUSIVE MODE');
        const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM committee_meetings`);
        const agenda = dto.agenda ?? (await this.proposalIn(manager));
        const repo = manager.getRepository(CommitteeMeeting);
        const meeting = await repo.save(
          repo.create({
            number: Number(next),
            startsAt: new Date(dto.startsAt),
            place: dto.place?.trim() || null,
            onlineUrl: dto.onlineUrl ?? null,
            status: 'planned',
            experts: dto.experts ?? [],
            minutes: {},
            minutesState: 'draft',
          }),
        );
        const items = await this.writeAgenda(manager, meeting.id, agenda);
        await this.announce(manager, meeting, 'meeting.scheduled', meeting.startsAt.toISOString());
        await this.audit.record(manager, caller, {
          action: 'meeting.create',
          entityType: 'committee_meeting',
          entityId: meeting.id,
          diff: diffOf(null, {
            number: meeting.number,
            startsAt: meeting.startsAt.toISOString(),
            place: meeting.place,
            onlineUrl: meeting.onlineUrl,
            agenda: items,
            experts: meeting.experts.length,
          }),
        });
        return meeting.id;
      })
      .then((id) => this.get(id, caller.actor));
  }

  update(caller: SignedInContext, id: string, dto: UpdateMeetingDto): Promise<MeetingDetail> {
    return this.dataSource
      .transaction(async (manager) => {
        const meeting = await this.lockCurrent(manager, id, dto.version, caller.actor);
        const approved = meeting.minutesState === 'approved';
        // Approved minutes close the record: only the status (e.g. a correction) stays open to ADD.
        if (approved && (dto.minutes !== undefined || dto.agenda !== undefined || dto.startsAt !== undefined))
          throw meetingStateConflict();
        const before = this.audited(meeting);
        if (dto.startsAt !== undefined) meeting.startsAt = new Date(dto.startsAt);
        if (dto.place !== undefined) meeting.place = dto.place?.trim() || null;
        if (dto.onlineUrl !== undefined) meeting.onlineUrl = dto.onlineUrl;
        if (dto.status !== undefined) meeting.status = dto.status;
        if (dto.experts !== undefined) meeting.experts = dto.experts;
        if (dto.minutes !== undefined) meeting.minutes = trimTexts(dto.minutes);
        meeting.updatedAt = new Date();
        await manager.save(meeting);
        let agenda: string[] | undefined;
        if (dto.agenda !== undefined) {
          await manager.delete(AgendaItem, { meetingId: meeting.id });
          agenda = await this.writeAgenda(manager, meeting.id, dto.agenda);
        }
        // Moved to another time: the representatives hear of the new one.
        if (meeting.status === 'planned' && meeting.startsAt.toISOString() !== before.startsAt)
          await this.announce(manager, meeting, 'meeting.scheduled', meeting.startsAt.toISOString());
        await this.audit.record(manager, caller, {
          action: 'meeting.update',
          entityType: 'committee_meeting',
          entityId: meeting.id,
          diff: {
            ...diffOf(before, this.audited(meeting)),
            ...(agenda ? { agenda: { before: null, after: agenda } } : {}),
          },
        });
        return meeting.id;
      })
      .then((meetingId) => this.get(meetingId, caller.actor));
  }

  /** ADD records who attended (a null status clears a line). Only representatives sitting that day. */
  recordAttendance(caller: SignedInContext, id: string, dto: RecordAttendanceDto): Promise<MeetingDetail> {
    return this.dataSource
      .transaction(async (manager) => {
        const meeting = await this.lockCurrent(manager, id, dto.version, caller.actor);
        if (meeting.status === 'cancelled') throw meetingStateConflict();
        const sitting = new Set(
          sittingOn(await this.members.seats(manager), meetingDay(meeting)).map(({ rep }) => rep.id),
        );
        const violations: RuleViolation[] = dto.entries
          .map((entry, index) => ({ entry, index }))
          .filter(({ entry }) => !sitting.has(entry.representativeId))
          .map(({ entry, index }) => ({
            field: `entries.${index}.representativeId`,
            rule: 'memberOnDate',
            args: [entry.representativeId, meetingDay(meeting)],
          }));
        if (violations.length) throw AppException.validation(violations);
        const repo = manager.getRepository(CommitteeAttendance);
        const existing = new Map(
          (await repo.findBy({ meetingId: meeting.id })).map((row) => [row.representativeId, row]),
        );
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const entry of dto.entries) {
          const row = existing.get(entry.representativeId);
          if ((row?.status ?? null) === entry.status) continue;
          changes[entry.representativeId] = { before: row?.status ?? null, after: entry.status };
          if (entry.status === null) await repo.delete({ id: row!.id });
          else if (row)
            await repo.update({ id: row.id }, { status: entry.status, recordedBy: caller.actor.displayName });
          else
            await repo.insert({
              meetingId: meeting.id,
              representativeId: entry.representativeId,
              status: entry.status,
              recordedBy: caller.actor.displayName,
            });
        }
        if (Object.keys(changes).length) {
          meeting.updatedAt = new Date();
          await manager.save(meeting);
          await this.audit.record(manager, caller, {
            action: 'meeting.attendance',
            entityType: 'committee_meeting',
            entityId: meeting.id,
            diff: changes,
          });
        }
        return meeting.id;
      })
      .then((meetingId) => this.get(meetingId, caller.actor));
  }

  /** A representative with an account confirms their own attendance (present, excused, absent). */
  confirmOwnAttendance(caller: SignedInContext, id: string, dto: ConfirmOwnAttendanceDto): Promise<MeetingDetail> {
    return this.dataSource
      .transaction(async (manager) => {
        const meeting = await manager.getRepository(CommitteeMeeting).findOne({
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!meeting) throw AppException.notFound('committeeMeeting', id);
        if (meeting.status === 'cancelled' || meeting.minutesState === 'approved') throw meetingStateConflict();
        const mine = sittingOn(await this.members.seats(manager), meetingDay(meeting)).filter(
          ({ rep }) => rep.userId === caller.actor.userId,
        );
        if (mine.length === 0)
          throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'notYourAttendance' }, [
            { field: 'status', rule: 'notYourAttendance' },
          ]);
        const repo = manager.getRepository(CommitteeAttendance);
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const { rep } of mine) {
          const row = await repo.findOneBy({ meetingId: meeting.id, representativeId: rep.id });
          changes[rep.id] = { before: row?.status ?? null, after: dto.status };
          if (row) await repo.update({ id: row.id }, { status: dto.status, confirmedBySelfAt: new Date() });
          else
            await repo.insert({
              meetingId: meeting.id,
              representativeId: rep.id,
              status: dto.status,
              confirmedBySelfAt: new Date(),
              recordedBy: caller.actor.displayName,
            });
        }
        meeting.updatedAt = new Date();
        await manager.save(meeting);
        await this.audit.record(manager, caller, {
          action: 'meeting.attendance',
          entityType: 'committee_meeting',
          entityId: meeting.id,
          diff: changes,
        });
        return meeting.id;
      })
      .then((meetingId) => this.get(meetingId, caller.actor));
  }

  /** Minutes move from draft to approved once the meeting was held and they say something. */
  approveMinutes(caller: SignedInContext, id: string, dto: ApproveMinutesDto): Promise<MeetingDetail> {
    return this.dataSource
      .transaction(async (manager) => {
        const meeting = await this.lockCurrent(manager, id, dto.version, caller.actor);
        if (meeting.status !== 'held' || meeting.minutesState === 'approved') throw meetingStateConflict();
        if (!Object.values(meeting.minutes).some((text) => text?.trim()))
          throw AppException.validation([{ field: 'minutes', rule: 'hasSomeLocale' }]);
        meeting.minutesState = 'approved';
        meeting.minutesApprovedAt = new Date();
        meeting.minutesApprovedBy = caller.actor.displayName;
        await manager.save(meeting);
        await this.audit.record(manager, caller, {
          action: 'meeting.minutes-approve',
          entityType: 'committee_meeting',
          entityId: meeting.id,
          diff: diffOf({ minutesState: 'draft' }, { minutesState: 'approved' }),
        });
        return meeting.id;
      })
      .then((meetingId) => this.get(meetingId, caller.actor));
  }

  /** A document (a file checked from its bytes, or a link); the signed minutes must be a PDF. */
  async addDocument(
    caller: SignedInContext,
    id: string,
    file: FileUpload | undefined,
    dto: AddDocumentDto,
  ): Promise<CommitteeDocumentView> {
    const role = dto.role ?? 'document';
    if (!file && !dto.url) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    let stored: { key: string; sizeBytes: number; sha256: string; contentType: string } | null = null;
    if (file) {
      const allowed = role === 'minutes_signed' ? ['application/pdf'] : EVIDENCE_CONTENT_TYPES;
      const document = await checkedDocument(file, allowed, EVIDENCE_MAX_BYTES);
      stored = { ...(await this.storage.put('committee', document.buffer)), contentType: document.contentType };
    } else if (role === 'minutes_signed') {
      throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const meeting = await manager.getRepository(CommitteeMeeting).findOne({
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!meeting) throw AppException.notFound('committeeMeeting', id);
        if (role === 'minutes_signed' && meeting.minutesState !== 'approved') throw meetingStateConflict();
        const repo = manager.getRepository(CommitteeDocument);
        const title = (dto.title?.trim() || (file ? decodeFileName(file.originalname) : dto.url!)).slice(0, 300);
        const document = await repo.save(
          repo.create({
            meetingId: id,
            kind: stored ? 'file' : 'link',
            role,
            title,
            url: stored ? null : dto.url!,
            storageKey: stored?.key ?? null,
            contentType: stored?.contentType ?? null,
            sizeBytes: stored?.sizeBytes ?? null,
            sha256: stored?.sha256 ?? null,
          }),
        );
        await this.audit.record(manager, caller, {
          action: 'meeting.document-add',
          entityType: 'committee_meeting',
          entityId: id,
          diff: diffOf(null, { document: title, role, sha256: stored?.sha256 ?? null }),
        });
        return mapDocument(document);
      });
    } catch (error) {
      if (stored) await this.storage.remove(stored.key);
      throw error;
    }
  }

  async openDocument(id: string) {
    const document = await this.dataSource.getRepository(CommitteeDocument).findOneBy({ id });
    if (!document || document.kind !== 'file' || !document.storageKey)
      throw AppException.notFound('committeeDocument', id);
    return {
      stream: this.storage.open(document.storageKey),
      contentType: document.contentType ?? 'application/octet-stream',
      fileName: document.title,
      sizeBytes: document.sizeBytes ?? 0,
    };
  }

  /** A decision and the action items it creates, in one transaction. */
  createDecision(caller: SignedInContext, id: string, dto: CreateDecisionDto): Promise<DecisionView> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.getRepository(CommitteeMeeting).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!meeting) throw AppException.notFound('committeeMeeting', id);
      if (meeting.status === 'cancelled' || meeting.minutesState === 'approved') throw meetingStateConflict();
      await this.checkLinks(manager, dto.measureNumbers ?? [], dto.activityCodes ?? [], '');
      const owners = await this.owners(
        manager,
        (dto.actionItems ?? []).map((item) => item.ownerCode),
      );
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM committee_decisions WHERE meeting_id = $1`,
        [id],
      );
      const decisions = manager.getRepository(CommitteeDecision);
      const decision = await decisions.save(
        decisions.create({
          meetingId: id,
          number: Number(next),
          text: trimTexts(dto.text),
          decidedOn: dto.decidedOn ?? meetingDay(meeting),
          measureNumbers: dto.measureNumbers ?? [],
          activityCodes: dto.activityCodes ?? [],
        }),
      );
      const items = manager.getRepository(ActionItem);
      const created = await items.save(
        (dto.actionItems ?? []).map((input, index) =>
          items.create({
            decisionId: decision.id,
            number: index + 1,
            text: trimTexts(input.text),
            ownerInstitutionId: owners.get(input.ownerCode)!.id,
            ownerPerson: input.ownerPerson?.trim() || null,
            dueOn: input.dueOn,
            status: 'open',
          }),
        ),
      );
      const secretary = await representativeAccounts(manager, todayInMorocco(), 'secretary');
      for (const item of created) {
        const owner = [...owners.values()].find((o) => o.id === item.ownerInstitutionId);
        await this.notifications.notify(manager, {
          kind: 'action-item.assigned',
          userIds: [...(await officerAccounts(manager, [item.ownerInstitutionId])), ...secretary],
          params: {
            reference: actionItemReference(meeting.number, decision.number, item.number),
            text: item.text,
            dueOn: item.dueOn,
            owner: owner?.name ?? null,
          },
          link: '/committee/action-items',
          key: item.id,
        });
      }
      await this.audit.record(manager, caller, {
        action: 'decision.create',
        entityType: 'committee_decision',
        entityId: decision.id,
        diff: diffOf(null, {
          meeting: meeting.number,
          number: decision.number,
          text: decision.text,
          decidedOn: decision.decidedOn,
          measureNumbers: decision.measureNumbers,
          activityCodes: decision.activityCodes,
          actionItems: (dto.actionItems ?? []).map((input) => ({ owner: input.ownerCode, dueOn: input.dueOn })),
        }),
      });
      const loaded = await decisions.findOneOrFail({
        where: { id: decision.id },
        relations: { meeting: true, actionItems: { owner: true, notes: true } },
      });
      return mapDecision(loaded, todayInMorocco());
    });
  }

  /** ADD tells the representatives that the meeting's pack is ready (again after a change to the meeting). */
  announcePack(caller: SignedInContext, id: string): Promise<{ notified: number }> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.getRepository(CommitteeMeeting).findOne({
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!meeting) throw AppException.notFound('committeeMeeting', id);
      if (meeting.status !== 'planned') throw meetingStateConflict();
      const notified = await this.announce(manager, meeting, 'meeting.pack-ready', String(meeting.version));
      await this.audit.record(manager, caller, {
        action: 'meeting.pack-announce',
        entityType: 'committee_meeting',
        entityId: meeting.id,
        diff: { notified: { before: null, after: notified } },
      });
      return { notified };
    });
  }

  /** A message to every representative sitting on the meeting's day. */
  private async announce(
    manager: EntityManager,
    meeting: CommitteeMeeting,
    kind: 'meeting.scheduled' | 'meeting.pack-ready',
    key: string,
  ): Promise<number> {
    return this.notifications.notify(manager, {
      kind,
      userIds: await representativeAccounts(manager, meetingDay(meeting)),
      params: {
        number: meeting.number,
        startsAt: meeting.startsAt.toISOString(),
        place: meeting.place ?? meeting.onlineUrl,
      },
      link: `/committee/meetings/${meeting.id}`,
      key: `${meeting.id}:${key}`,
    });
  }

  // ------------------------------------------------------------------ loading and shaping

  private async detail(manager: EntityManager, id: string, reader: Actor | null): Promise<MeetingDetail> {
    const meeting = await manager.getRepository(CommitteeMeeting).findOne({
      where: { id },
      relations: {
        agenda: true,
        attendance: true,
        documents: true,
        decisions: { meeting: true, actionItems: { owner: true, notes: { authorInstitution: true } } },
      },
    });
    if (!meeting) throw AppException.notFound('committeeMeeting', id);
    const today = todayInMorocco();
    const personal = maySeeCommitteePeople(reader);
    const sitting = sittingOn(await this.members.seats(manager), meetingDay(meeting));
    const recorded = new Map((meeting.attendance ?? []).map((row) => [row.representativeId, row]));
    const attendance: AttendanceView[] = sitting.map(({ rep, member }) => {
      const row = recorded.get(rep.id);
      return {
        representative: mapRepresentative(rep, member, personal),
        status: row?.status ?? null,
        confirmedBySelfAt: row?.confirmedBySelfAt ? row.confirmedBySelfAt.toISOString() : null,
        recordedBy: personal ? (row?.recordedBy ?? null) : null,
      };
    });
    const agendaRows = (meeting.agenda ?? []).slice().sort((a, b) => a.position - b.position);
    const linked = await this.actionItems.find(manager, {
      ids: agendaRows.map((row) => row.actionItemId).filter((x): x is string => !!x),
    });
    const linkedById = new Map(linked.map((item) => [item.id, item]));
    const agenda: AgendaItemView[] = agendaRows.map((row) => ({
      id: row.id,
      position: row.position,
      title: row.title,
      measureNumbers: row.measureNumbers,
      activityCodes: row.activityCodes,
      actionItem: row.actionItemId ? (linkedById.get(row.actionItemId) ?? null) : null,
    }));
    const [previous] = await manager.query(
      `SELECT id, number, starts_at AS "startsAt" FROM committee_meetings
        WHERE status = 'held' AND starts_at < $1 ORDER BY starts_at DESC LIMIT 1`,
      [meeting.startsAt],
    );
    const decisions = (meeting.decisions ?? []).sort((a, b) => a.number - b.number).map((d) => mapDecision(d, today));
    return {
      ...this.summary(meeting, sitting.length, agenda.length, decisions.length),
      agenda,
      attendance,
      experts: personal ? meeting.experts : meeting.experts.map((e) => ({ ...e, name: '' })),
      minutes: meeting.minutes,
      minutesApprovedAt: meeting.minutesApprovedAt ? meeting.minutesApprovedAt.toISOString() : null,
      minutesApprovedBy: meeting.minutesApprovedBy,
      documents: (meeting.documents ?? [])
        .slice()
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map(mapDocument),
      decisions,
      previousMeeting: previous
        ? { id: previous.id, number: previous.number, startsAt: new Date(previous.startsAt).toISOString() }
        : null,
    };
  }

  private summary(meeting: CommitteeMeeting, expected: number, agenda: number, decisions: number): MeetingSummary {
    return {
      id: meeting.id,
      number: meeting.number,
      startsAt: meeting.startsAt.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      status: meeting.status,
      minutesState: meeting.minutesState,
      agendaCount: agenda,
      decisionCount: decisions,
      presentCount: (meeting.attendance ?? []).filter((row) => row.status === 'present').length,
      expectedCount: expected,
      version: meeting.version,
    };
  }

  private audited(meeting: CommitteeMeeting) {
    return {
      startsAt: meeting.startsAt.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      status: meeting.status,
      experts: meeting.experts.length,
      minutes: meeting.minutes,
    };
  }

  private async lockCurrent(
    manager: EntityManager,
    id: string,
    version: number,
    reader: Actor,
  ): Promise<CommitteeMeeting> {
    const meeting = await manager
      .getRepository(CommitteeMeeting)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw AppException.notFound('committeeMeeting', id);
    if (meeting.version !== version)
      throw AppException.versionConflict('committeeMeeting', version, await this.detail(manager, id, reader));
    return meeting;
  }

  private async proposalIn(manager: EntityManager): Promise<AgendaItemInput[]> {
    return proposedAgenda(await this.actionItems.find(manager, { status: 'open' }));
  }

  /** Writes an agenda in order after checking its links; returns a short form for the audit trail. */
  private async writeAgenda(manager: EntityManager, meetingId: string, agenda: AgendaItemInput[]): Promise<string[]> {
    const violations: RuleViolation[] = [];
    for (const [index, item] of agenda.entries()) {
      violations.push(
        ...(await this.linkViolations(
          manager,
          item.measureNumbers ?? [],
          item.activityCodes ?? [],
          `agenda.${index}.`,
        )),
      );
      if (!item.actionItemId && !Object.values(item.title ?? {}).some((text) => text?.trim()))
        violations.push({ field: `agenda.${index}.title`, rule: 'hasSomeLocale' });
    }
    const actionIds = agenda.map((item) => item.actionItemId).filter((x): x is string => !!x);
    const known = new Set(
      actionIds.length ? (await manager.getRepository(ActionItem).findBy({ id: In(actionIds) })).map((i) => i.id) : [],
    );
    agenda.forEach((item, index) => {
      if (item.actionItemId && !known.has(item.actionItemId))
        violations.push({
          field: `agenda.${index}.actionItemId`,
          rule: 'unknownActionItem',
          args: [item.actionItemId],
        });
    });
    if (violations.length) throw AppException.validation(violations);
    const repo = manager.getRepository(AgendaItem);
    await repo.insert(
      agenda.map((item, index) => ({
        meetingId,
        position: index + 1,
        title: trimTexts(item.title ?? {}),
        measureNumbers: item.measureNumbers ?? [],
        activityCodes: item.activityCodes ?? [],
        actionItemId: item.actionItemId ?? null,
      })),
    );
    return agenda.map((item) => item.actionItemId ?? item.title?.fr ?? item.title?.ar ?? item.title?.en ?? '');
  }

  private async checkLinks(manager: EntityManager, measures: number[], activities: string[], prefix: string) {
    const violations = await this.linkViolations(manager, measures, activities, prefix);
    if (violations.length) throw AppException.validation(violations);
  }

  private async linkViolations(
    manager: EntityManager,
    measures: number[],
    activities: string[],
    prefix: string,
  ): Promise<RuleViolation[]> {
    const violations: RuleViolation[] = [];
    if (measures.length) {
      const known = new Set(
        (await manager.getRepository(Measure).findBy({ number: In(measures) })).map((m) => m.number),
      );
      measures.forEach((n, i) => {
        if (!known.has(n))
          violations.push({ field: `${prefix}measureNumbers.${i}`, rule: 'unknownMeasure', args: [n] });
      });
    }
    if (activities.length) {
      const known = new Set(
        (await manager.getRepository(Activity).findBy({ code: In(activities) })).map((a) => a.code),
      );
      activities.forEach((code, i) => {
        if (!known.has(code))
          violations.push({ field: `${prefix}activityCodes.${i}`, rule: 'unknownActivityCode', args: [code] });
      });
    }
    return violations;
  }

  private async owners(manager: EntityManager, codes: string[]): Promise<Map<string, Institution>> {
    const found = codes.length ? await manager.getRepository(Institution).findBy({ code: In(codes) }) : [];
    const byCode = new Map(found.map((institution) => [institution.code, institution]));
    const violations = codes
      .map((code, index) => ({ code, index }))
      .filter(({ code }) => !byCode.has(code))
      .map(({ code, index }) => ({
        field: `actionItems.${index}.ownerCode`,
        rule: 'unknownInstitution',
        args: [code],
      }));
    if (violations.length) throw AppException.validation(violations);
    return byCode;
  }
}

function meetingStateConflict(): AppException {
  return new AppException(HttpStatus.CONFLICT, 'MEETING_STATE_CONFLICT');
}

function trimTexts(text: PartialLocalizedText): PartialLocalizedText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([locale, value]) => [locale, typeof value === 'string' ? value.trim() : value])
      .filter(([, value]) => !!value),
  );
}
