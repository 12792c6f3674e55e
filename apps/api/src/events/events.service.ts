import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIENCE_CATEGORIES,
  EVENT_TYPE_MEASURE,
  Permission,
  ROLE_PERMISSIONS,
  isInstitutionScoped,
  type InstitutionParticipations,
  type AudienceCategory,
  type EventDetail,
  type EventSummary,
  type Page,
} from '@marsad/contracts';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import type { Actor, SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { Institution } from '../institutions/entities/institution.entity';
import { toInstitutionRef } from '../institutions/institutions.service';
import { OfficerAppointment } from '../officers/entities/officer-appointment.entity';
import { Activity } from '../plan/entities/activity.entity';
import { maySeeName } from '../officers/officer-visibility';
import { addDays, todayInMorocco } from '../common/time/today';
import { reachShare } from './reach.service';
import type { CreateEventDto, EventParticipantsDto, EventQueryDto, UpdateEventDto } from './dto/events.dto';
import { EventParticipantCount } from './entities/event-participant-count.entity';
import { EventParticipant } from './entities/event-participant.entity';
import { PlanEvent } from './entities/plan-event.entity';
import { FeedbackService } from './feedback.service';

/** Where an event may take place: a division of the registry. */
const PLACE_TYPES = ['region', 'province', 'commune'];

/** Participations listed on an administration's page and home (the newest). */
const PARTICIPATIONS_LISTED = 200;

const mayManage = (actor: Actor | null) => !!actor && ROLE_PERMISSIONS[actor.role].includes(Permission.EventManage);

/** The plan's events: recorded by ADD's coordinators; seen by anyone without personal data. */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly feedback: FeedbackService,
  ) {}

  async list(query: EventQueryDto): Promise<Page<EventSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.dataSource
      .getRepository(PlanEvent)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.place', 'place')
      .leftJoinAndSelect('e.organiser', 'organiser')
      .orderBy('e.starts_on', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (query.type) qb.andWhere('e.type = :type', { type: query.type });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.year)
      qb.andWhere('e.starts_on >= :from AND e.starts_on < :to', {
        from: `${query.year}-01-01`,
        to: `${query.year + 1}-01-01`,
      });
    if (query.institution)
      qb.andWhere(
        `(organiser.code = :code OR EXISTS (SELECT 1 FROM event_participants p JOIN institutions i ON i.id = p.institution_id
           WHERE p.event_id = e.id AND i.code = :code))`,
        { code: query.institution },
      );
    const [rows, total] = await qb.getManyAndCount();
    const counts = await this.participantCounts(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return { items: rows.map((row) => this.summary(row, counts.get(row.id) ?? 0)), total, page, pageSize };
  }

  async get(id: string, reader: Actor | null, manager: EntityManager = this.dataSource.manager): Promise<EventDetail> {
    const event = await manager
      .getRepository(PlanEvent)
      .findOne({ where: { id }, relations: { place: true, organiser: true } });
    if (!event) throw AppException.notFound('event', id);
    // One after the other: inside a transaction they share one connection.
    const participants = await manager.getRepository(EventParticipant).find({
      where: { eventId: id },
      relations: { appointment: true, institution: true },
      order: { createdAt: 'ASC' },
    });
    const others = await manager.getRepository(EventParticipantCount).findBy({ eventId: id });
    const satisfaction = await this.feedback.satisfaction(manager, id);
    const comments = mayManage(reader) ? await this.feedback.comments(manager, id) : null;
    const byCategory = new Map<AudienceCategory, number>();
    for (const p of participants) {
      const category = p.role === 'ROD' ? 'officers' : 'data_managers';
      byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
    }
    for (const c of others) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + c.count);
    const total = [...byCategory.values()].reduce((a, b) => a + b, 0);
    return {
      ...this.summary(event, total),
      materials: event.materials,
      byCategory: AUDIENCE_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({
        category,
        count: byCategory.get(category) ?? 0,
      })),
      // Who took part is for ADD's coordinators only (law 09-08): the public sees counts.
      participants: mayManage(reader)
        ? participants.map((p) => ({
            id: p.id,
            appointmentId: p.appointmentId,
            role: p.role,
            institution: toInstitutionRef(p.institution as Institution),
            fullName: { ar: p.appointment?.fullName.ar ?? null, fr: p.appointment?.fullName.fr ?? null },
          }))
        : null,
      satisfaction,
      feedbackComments: comments,
      createdAt: event.createdAt.toISOString(),
      updatedAt: event.updatedAt.toISOString(),
    };
  }

  create(caller: SignedInContext, dto: CreateEventDto): Promise<EventDetail> {
    return this.dataSource.transaction(async (manager) => {
      const refs = await this.references(manager, dto);
      const repo = manager.getRepository(PlanEvent);
      const event = await repo.save(
        repo.create({
          type: dto.type,
          title: dto.title,
          startsOn: dto.startsOn,
          endsOn: dto.endsOn,
          format: dto.format,
          placeId: refs.place?.id ?? null,
          onlineUrl: dto.onlineUrl ?? null,
          organiserId: refs.organiser?.id ?? null,
          partners: dto.partners ?? [],
          audiences: [...new Set(dto.audiences ?? [])],
          capacity: dto.capacity ?? null,
          status: dto.status ?? 'planned',
          materials: dto.materials ?? [],
          activityCodes: [...new Set(dto.activityCodes ?? [])],
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'event.create',
        entityType: 'event',
        entityId: event.id,
        diff: diffOf(null, audited(event, refs)),
      });
      return this.get(event.id, caller.actor, manager);
    });
  }

  update(caller: SignedInContext, id: string, dto: UpdateEventDto): Promise<EventDetail> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lock(manager, id, dto.version, caller.actor);
      const before = audited(event, { place: event.place ?? null, organiser: event.organiser ?? null });
      const refs = await this.references(manager, {
        placeCode: dto.placeCode !== undefined ? dto.placeCode : (event.place?.code ?? null),
        organiserCode: dto.organiserCode !== undefined ? dto.organiserCode : (event.organiser?.code ?? null),
        activityCodes: dto.activityCodes,
      });
      const startsOn = dto.startsOn ?? event.startsOn;
      const endsOn = dto.endsOn ?? event.endsOn;
      if (endsOn < startsOn)
        throw AppException.validation([{ field: dto.endsOn ? 'endsOn' : 'startsOn', rule: 'min', args: [startsOn] }]);
      Object.assign(event, {
        type: dto.type ?? event.type,
        title: dto.title ?? event.title,
        startsOn,
        endsOn,
        format: dto.format ?? event.format,
        placeId: refs.place?.id ?? null,
        place: refs.place,
        onlineUrl: dto.onlineUrl !== undefined ? dto.onlineUrl : event.onlineUrl,
        organiserId: refs.organiser?.id ?? null,
        organiser: refs.organiser,
        partners: dto.partners ?? event.partners,
        audiences: dto.audiences ? [...new Set(dto.audiences)] : event.audiences,
        capacity: dto.capacity !== undefined ? dto.capacity : event.capacity,
        status: dto.status ?? event.status,
        materials: dto.materials ?? event.materials,
        activityCodes: dto.activityCodes ? [...new Set(dto.activityCodes)] : event.activityCodes,
      });
      const diff = diffOf(before, audited(event, refs));
      if (Object.keys(diff).length === 0) return this.get(id, caller.actor, manager);
      await manager.save(event);
      await this.audit.record(manager, caller, { action: 'event.update', entityType: 'event', entityId: id, diff });
      return this.get(id, caller.actor, manager);
    });
  }

  /** Registers officers of the register (by appointment), removes some, and sets the other participants' counts. */
  setParticipants(caller: SignedInContext, id: string, dto: EventParticipantsDto): Promise<EventDetail> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lock(manager, id, dto.version, caller.actor);
      const add = [...new Set(dto.addAppointmentIds ?? [])];
      const appointments = add.length ? await manager.getRepository(OfficerAppointment).findBy({ id: In(add) }) : [];
      const missing = add
        .map((appointmentId, index) => ({ appointmentId, index }))
        .filter(({ appointmentId }) => !appointments.some((a) => a.id === appointmentId));
      if (missing.length)
        throw AppException.validation(
          missing.map(({ appointmentId, index }) => ({
            field: `addAppointmentIds.${index}`,
            rule: 'unknownAppointment',
            args: [appointmentId],
          })),
        );
      const participants = manager.getRepository(EventParticipant);
      if (appointments.length)
        await participants
          .createQueryBuilder()
          .insert()
          .values(
            appointments.map((a) => ({
              eventId: id,
              appointmentId: a.id,
              institutionId: a.institutionId,
              role: a.role,
            })),
          )
          .orIgnore()
          .execute();
      const remove = dto.removeParticipantIds ?? [];
      if (remove.length) await participants.delete({ eventId: id, id: In(remove) });
      const counts = manager.getRepository(EventParticipantCount);
      const beforeCounts = Object.fromEntries((await counts.findBy({ eventId: id })).map((c) => [c.category, c.count]));
      for (const { category, count } of dto.counts ?? []) {
        if (count === 0) await counts.delete({ eventId: id, category });
        else await counts.upsert({ eventId: id, category, count }, ['eventId', 'category']);
      }
      const afterCounts = Object.fromEntries((await counts.findBy({ eventId: id })).map((c) => [c.category, c.count]));
      event.updatedAt = new Date();
      await manager.save(event); // a new version: a stale form gets 409
      await this.audit.record(manager, caller, {
        action: 'event.participants',
        entityType: 'event',
        entityId: id,
        diff: {
          ...(add.length ? { addedAppointments: { before: null, after: appointments.map((a) => a.id) } } : {}),
          ...(remove.length ? { removedParticipants: { before: remove, after: null } } : {}),
          ...(dto.counts ? diffOf({ counts: beforeCounts }, { counts: afterCounts }) : {}),
        },
      });
      return this.get(id, caller.actor, manager);
    });
  }

  /**
   * The events an administration's officers and data managers took part in, newest first, and
   * the share of its people in office trained in the last 12 months. For coordinators, the
   * committee, administrators and the administration's own people; names as the register shows them.
   */
  async participations(code: string, reader: Actor): Promise<InstitutionParticipations> {
    const institution = await this.dataSource.getRepository(Institution).findOneBy({ code });
    if (!institution) throw AppException.notFound('institution', code);
    if (isInstitutionScoped(reader.role) && reader.institutionId !== institution.id)
      throw new AppException(HttpStatus.FORBIDDEN, 'FORBIDDEN', { reason: 'institution' });
    const today = todayInMorocco();
    const manager = this.dataSource.manager;
    const [rows, [office]] = await Promise.all([
      manager.getRepository(EventParticipant).find({
        where: { institutionId: institution.id, event: { status: Not('cancelled') } },
        relations: { event: true, appointment: true },
        order: { event: { startsOn: 'DESC' }, createdAt: 'ASC' },
        take: PARTICIPATIONS_LISTED,
      }),
      manager.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE EXISTS (
                  SELECT 1 FROM event_participants p JOIN plan_events e ON e.id = p.event_id
                   WHERE p.appointment_id = a.id AND e.status = 'held' AND e.type = 'training'
                     AND e.ends_on >= $2 AND e.starts_on <= $3))::int AS trained
           FROM officer_appointments a WHERE a.institution_id = $1 AND a.status IN ('active', 'interim')`,
        [institution.id, addDays(today, -365), today],
      ),
    ]);
    return {
      institution: toInstitutionRef(institution),
      asOf: new Date().toISOString(),
      trainedInOffice: reachShare(office.trained, office.total),
      items: rows.map((p) => {
        const event = p.event as PlanEvent;
        const appointment = p.appointment as OfficerAppointment;
        return {
          event: {
            id: event.id,
            type: event.type,
            title: event.title,
            startsOn: event.startsOn,
            endsOn: event.endsOn,
            status: event.status,
            format: event.format,
          },
          appointmentId: p.appointmentId,
          role: p.role,
          fullName: maySeeName(reader, appointment)
            ? { ar: appointment.fullName.ar ?? null, fr: appointment.fullName.fr ?? null }
            : null,
        };
      }),
    };
  }

  /** 404 unless the event exists. */
  async exists(manager: EntityManager, id: string): Promise<void> {
    if (!(await manager.getRepository(PlanEvent).existsBy({ id }))) throw AppException.notFound('event', id);
  }

  /** The event locked for a change, at the version the caller read (409 otherwise). */
  async lock(manager: EntityManager, id: string, version: number, reader: Actor | null): Promise<PlanEvent> {
    const event = await manager.getRepository(PlanEvent).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write', tables: ['plan_events'] },
      relations: { place: true, organiser: true },
    });
    if (!event) throw AppException.notFound('event', id);
    if (event.version !== version)
      throw AppException.versionConflict('event', version, await this.get(id, reader, manager));
    return event;
  }

  /** The place (a division), the organiser and the linked activities, checked against the registry and the plan. */
  private async references(
    manager: EntityManager,
    dto: { placeCode?: string | null; organiserCode?: string | null; activityCodes?: string[] },
  ): Promise<{ place: Institution | null; organiser: Institution | null }> {
    const violations: RuleViolation[] = [];
    const find = (code: string | null | undefined) =>
      code ? manager.getRepository(Institution).findOneBy({ code }) : Promise.resolve(null);
    const [place, organiser] = await Promise.all([find(dto.placeCode), find(dto.organiserCode)]);
    if (dto.placeCode && !place)
      violations.push({ field: 'placeCode', rule: 'unknownInstitution', args: [dto.placeCode] });
    else if (place && !PLACE_TYPES.includes(place.type))
      violations.push({ field: 'placeCode', rule: 'placeNotDivision', args: [dto.placeCode] });
    if (dto.organiserCode && !organiser)
      violations.push({ field: 'organiserCode', rule: 'unknownInstitution', args: [dto.organiserCode] });
    const codes = dto.activityCodes ?? [];
    if (codes.length) {
      const known = new Set(
        (await manager.getRepository(Activity).find({ where: { code: In(codes) }, select: { code: true } })).map(
          (a) => a.code,
        ),
      );
      codes.forEach((code, i) => {
        if (!known.has(code))
          violations.push({ field: `activityCodes.${i}`, rule: 'unknownActivityCode', args: [code] });
      });
    }
    if (violations.length) throw AppException.validation(violations);
    return { place, organiser };
  }

  private async participantCounts(manager: EntityManager, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; n: number }[] = await manager.query(
      `SELECT e.id, (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id)::int
                   + COALESCE((SELECT sum(c.count) FROM event_participant_counts c WHERE c.event_id = e.id), 0)::int AS n
         FROM plan_events e WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  private summary(event: PlanEvent, participantCount: number): EventSummary {
    return {
      id: event.id,
      type: event.type,
      measureNumber: EVENT_TYPE_MEASURE[event.type],
      title: event.title,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      format: event.format,
      place: event.place ? toInstitutionRef(event.place) : null,
      onlineUrl: event.onlineUrl,
      organiser: event.organiser ? toInstitutionRef(event.organiser) : null,
      partners: event.partners,
      audiences: event.audiences,
      capacity: event.capacity,
      status: event.status,
      participantCount,
      activityCodes: event.activityCodes,
      isDemo: event.isDemo,
      version: event.version,
    };
  }
}

function audited(event: PlanEvent, refs: { place: Institution | null; organiser: Institution | null }) {
  return {
    type: event.type,
    title: event.title,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    format: event.format,
    place: refs.place?.code ?? null,
    onlineUrl: event.onlineUrl,
    organiser: refs.organiser?.code ?? null,
    partners: event.partners,
    audiences: event.audiences,
    capacity: event.capacity,
    status: event.status,
    materials: event.materials.length,
    activityCodes: event.activityCodes,
  };
}
