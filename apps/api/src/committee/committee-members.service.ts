import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommitteeRepresentativeView, CommitteeView, IsoDate } from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffOf } from '../audit/audit.service';
import type { Actor, SignedInContext } from '../auth/actor';
import { User } from '../auth/entities/user.entity';
import { AppException } from '../common/errors/app-exception';
import { todayInMorocco } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import actionPlan from '../seed/data/action-plan-2021.json';
import { maySeeCommitteePeople, sitsOn } from './committee-rules';
import { mapMember, mapRepresentative, positionRank } from './committee.mappers';
import type { AddMemberDto, AddRepresentativeDto, UpdateMemberDto, UpdateRepresentativeDto } from './dto/committee.dto';
import { CommitteeMember } from './entities/committee-member.entity';
import { CommitteeRepresentative } from './entities/committee-representative.entity';

const governance = actionPlan.governance.steeringCommittee;

/** Representative fields as the audit trail records them (contacts are redacted for readers without the right). */
const auditedRepresentative = (r: CommitteeRepresentative) => ({
  fullName: r.fullName,
  title: r.title,
  position: r.position,
  alternate: r.alternate,
  fromOn: r.fromOn,
  toOn: r.toOn,
  email: r.email,
  phone: r.phone,
  account: r.userId !== null,
});

/** The committee's member institutions over time and the people who sit for them. */
@Injectable()
export class CommitteeMembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async view(actor: Actor | null): Promise<CommitteeView> {
    const personal = maySeeCommitteePeople(actor);
    const members = await this.dataSource.getRepository(CommitteeMember).find({
      relations: { institution: true, representatives: personal },
      order: { joinedOn: 'ASC' },
    });
    const today = todayInMorocco();
    members.sort(
      (a, b) =>
        Number(sitsOn(b.joinedOn, b.leftOn, today)) - Number(sitsOn(a.joinedOn, a.leftOn, today)) ||
        a.joinedOn.localeCompare(b.joinedOn) ||
        a.institution!.code.localeCompare(b.institution!.code),
    );
    return {
      name: governance.name,
      mission: governance.mission,
      createdOn: governance.created,
      members: members.map((member) => mapMember(member, personal)),
      currentMemberCount: members.filter((m) => sitsOn(m.joinedOn, m.leftOn, today)).length,
      personal,
    };
  }

  /** Every seat with its institution and representatives, past and present (a few dozen rows). */
  seats(manager: EntityManager): Promise<CommitteeMember[]> {
    return manager.getRepository(CommitteeMember).find({ relations: { institution: true, representatives: true } });
  }

  addMember(caller: SignedInContext, dto: AddMemberDto): Promise<CommitteeView> {
    return this.dataSource
      .transaction(async (manager) => {
        // The institution's row is locked: two requests adding the same seat wait for each other.
        const institution = await manager
          .getRepository(Institution)
          .findOne({ where: { code: dto.institutionCode }, lock: { mode: 'pessimistic_write' } });
        if (!institution)
          throw AppException.validation([
            { field: 'institutionCode', rule: 'unknownInstitution', args: [dto.institutionCode] },
          ]);
        const repo = manager.getRepository(CommitteeMember);
        const seats = await repo.findBy({ institutionId: institution.id });
        if (seats.some((seat) => seat.leftOn === null || seat.leftOn > dto.joinedOn))
          throw AppException.validation([
            { field: 'institutionCode', rule: 'alreadyMember', args: [institution.code] },
          ]);
        const member = await repo.save(
          repo.create({ institutionId: institution.id, joinedOn: dto.joinedOn, leftOn: null, founding: false }),
        );
        await this.audit.record(manager, caller, {
          action: 'committee.member-add',
          entityType: 'committee_member',
          entityId: member.id,
          diff: diffOf(null, { institution: institution.code, joinedOn: member.joinedOn }),
        });
      })
      .then(() => this.view(caller.actor));
  }

  updateMember(caller: SignedInContext, id: string, dto: UpdateMemberDto): Promise<CommitteeView> {
    return this.dataSource
      .transaction(async (manager) => {
        const repo = manager.getRepository(CommitteeMember);
        const member = await repo.findOne({
          where: { id },
          relations: { institution: true },
          lock: { mode: 'pessimistic_write', tables: ['committee_members'] },
        });
        if (!member) throw AppException.notFound('committeeMember', id);
        if (member.version !== dto.version)
          throw AppException.versionConflict('committeeMember', dto.version, mapMember(member, false));
        const before = { joinedOn: member.joinedOn, leftOn: member.leftOn };
        if (dto.joinedOn !== undefined) member.joinedOn = dto.joinedOn;
        if (dto.leftOn !== undefined) member.leftOn = dto.leftOn;
        if (member.leftOn !== null && member.leftOn <= member.joinedOn)
          throw AppException.validation([{ field: 'leftOn', rule: 'after', args: [member.joinedOn] }]);
        await repo.save(member);
        await this.audit.record(manager, caller, {
          action: 'committee.member-update',
          entityType: 'committee_member',
          entityId: member.id,
          diff: diffOf(before, { joinedOn: member.joinedOn, leftOn: member.leftOn }),
        });
      })
      .then(() => this.view(caller.actor));
  }

  addRepresentative(
    caller: SignedInContext,
    memberId: string,
    dto: AddRepresentativeDto,
  ): Promise<CommitteeRepresentativeView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager
        .getRepository(CommitteeMember)
        .findOne({ where: { id: memberId }, relations: { institution: true } });
      if (!member) throw AppException.notFound('committeeMember', memberId);
      checkTerm(dto.fromOn, dto.toOn ?? null);
      const repo = manager.getRepository(CommitteeRepresentative);
      const rep = repo.create({
        memberId,
        fullName: dto.fullName,
        title: dto.title ?? null,
        position: dto.position,
        alternate: dto.alternate ?? false,
        fromOn: dto.fromOn,
        toOn: dto.toOn ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        userId: dto.linkAccount ? await this.accountOf(manager, dto.email ?? null) : null,
      });
      await repo.save(rep);
      await this.audit.record(manager, caller, {
        action: 'committee.representative-add',
        entityType: 'committee_representative',
        entityId: rep.id,
        diff: diffOf(null, { institution: member.institution!.code, ...auditedRepresentative(rep) }),
      });
      return mapRepresentative(rep, member, true);
    });
  }

  updateRepresentative(
    caller: SignedInContext,
    id: string,
    dto: UpdateRepresentativeDto,
  ): Promise<CommitteeRepresentativeView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CommitteeRepresentative);
      const rep = await repo.findOne({
        where: { id },
        lock: { mode: 'pessimistic_write', tables: ['committee_representatives'] },
      });
      if (!rep) throw AppException.notFound('committeeRepresentative', id);
      const member = await manager
        .getRepository(CommitteeMember)
        .findOneOrFail({ where: { id: rep.memberId }, relations: { institution: true } });
      if (rep.version !== dto.version)
        throw AppException.versionConflict(
          'committeeRepresentative',
          dto.version,
          mapRepresentative(rep, member, true),
        );
      const before = auditedRepresentative(rep);
      const { linkAccount, ...changes } = dto;
      for (const [key, value] of Object.entries(changes)) {
        if (key !== 'version' && value !== undefined) (rep as unknown as Record<string, unknown>)[key] = value;
      }
      checkTerm(rep.fromOn, rep.toOn);
      if (linkAccount !== undefined) rep.userId = linkAccount ? await this.accountOf(manager, rep.email) : null;
      await repo.save(rep);
      await this.audit.record(manager, caller, {
        action: 'committee.representative-update',
        entityType: 'committee_representative',
        entityId: rep.id,
        diff: diffOf(before, auditedRepresentative(rep)),
      });
      return mapRepresentative(rep, member, true);
    });
  }

  /** The account with this email, to link a representative to (so they may confirm their attendance). */
  private async accountOf(manager: EntityManager, email: string | null): Promise<string> {
    const user = email ? await manager.getRepository(User).findOneBy({ email, active: true }) : null;
    if (!user) throw AppException.validation([{ field: 'linkAccount', rule: 'accountWithEmail', args: [email ?? ''] }]);
    return user.id;
  }
}

function checkTerm(fromOn: IsoDate, toOn: IsoDate | null): void {
  if (toOn !== null && toOn <= fromOn)
    throw AppException.validation([{ field: 'toOn', rule: 'after', args: [fromOn] }]);
}

/**
 * The representatives sitting on `day` (titulars and alternates), chair first, among `seats`. A member
 * that had left, or had not yet joined, is not listed.
 */
export function sittingOn(
  seats: CommitteeMember[],
  day: IsoDate,
): { rep: CommitteeRepresentative; member: CommitteeMember }[] {
  return seats
    .filter((member) => sitsOn(member.joinedOn, member.leftOn, day))
    .flatMap((member) =>
      (member.representatives ?? []).filter((rep) => sitsOn(rep.fromOn, rep.toOn, day)).map((rep) => ({ rep, member })),
    )
    .sort(
      (a, b) =>
        positionRank(a.rep) - positionRank(b.rep) ||
        a.member.institution!.code.localeCompare(b.member.institution!.code),
    );
}
