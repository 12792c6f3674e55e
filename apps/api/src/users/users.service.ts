import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isInstitutionScoped,
  ROLE_NAMES,
  type Page,
  type ResetLinkView,
  type Role,
  type UserView,
} from '@marsad/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { diffOf, AuditService } from '../audit/audit.service';
import type { SignedInContext } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { User } from '../auth/entities/user.entity';
import { SessionsService } from '../auth/sessions.service';
import { AppException, type RuleViolation } from '../common/errors/app-exception';
import { InstitutionsService, toInstitutionRef } from '../institutions/institutions.service';
import type { CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import { NotificationsService } from '../notifications/notifications.service';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    institution: user.institution ? toInstitutionRef(user.institution) : null,
    preferredLocale: user.preferredLocale,
    active: user.active,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

const snapshot = (user: User) => ({
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  institution: user.institution?.code ?? null,
  preferredLocale: user.preferredLocale,
  active: user.active,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly institutions: InstitutionsService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(query: UserQueryDto): Promise<Page<UserView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.institution', 'i')
      .orderBy('u.email', 'ASC');
    if (query.q)
      qb.andWhere('(u.email ILIKE :q OR u.display_name ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    const [rows, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toUserView), total, page, pageSize };
  }

  /** Creates an account without a password; the person sets one through the returned one-time link. */
  create(
    caller: SignedInContext,
    dto: CreateUserDto,
  ): Promise<{ user: UserView; resetLink: ResetLinkView; invitationEmailed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      if (await repo.existsBy({ email: dto.email }))
        throw AppException.validation([{ field: 'email', rule: 'emailTaken' }]);
      const institution = await this.institutionFor(manager, dto.role, dto.institutionCode ?? null);
      const user = await repo.save(
        repo.create({
          email: dto.email,
          displayName: dto.displayName.trim(),
          role: dto.role,
          institutionId: institution?.id ?? null,
          institution,
          preferredLocale: dto.preferredLocale ?? 'fr',
          active: true,
          passwordHash: null,
        }),
      );
      await this.audit.record(manager, caller, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        diff: diffOf(null, snapshot(user)),
      });
      const resetLink = await this.auth.issueResetLink(manager, user.id, caller.actor.userId);
      // The person receives the link themselves (e-mail only: they cannot sign in yet).
      await this.sendLink(manager, user, resetLink, 'account.invitation');
      return { user: toUserView(user), resetLink, invitationEmailed: this.notifications.mailConfigured };
    });
  }

  update(caller: SignedInContext, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({
        where: { id },
        relations: { institution: true },
        lock: { mode: 'pessimistic_write', tables: ['users'] },
      });
      if (!user) throw AppException.notFound('user', id);
      if (user.version !== dto.version) throw AppException.versionConflict('user', dto.version, toUserView(user));
      const before = snapshot(user);
      const role = dto.role ?? user.role;
      if (id === caller.actor.userId && (dto.active === false || (dto.role && dto.role !== 'ADMIN'))) {
        throw AppException.validation([{ field: dto.active === false ? 'active' : 'role', rule: 'notSelf' }]);
      }
      const code = dto.institutionCode !== undefined ? dto.institutionCode : (user.institution?.code ?? null);
      const institution = await this.institutionFor(
        manager,
        role,
        isInstitutionScoped(role) ? code : (dto.institutionCode ?? null),
      );
      user.role = role;
      user.institution = institution;
      user.institutionId = institution?.id ?? null;
      if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
      if (dto.preferredLocale !== undefined) user.preferredLocale = dto.preferredLocale;
      if (dto.active !== undefined) user.active = dto.active;
      const diff = diffOf(before, snapshot(user));
      if (Object.keys(diff).length === 0) return toUserView(user);
      const saved = await repo.save(user);
      // A deactivated account, or one whose role changed, is signed out everywhere.
      if (diff['active'] || diff['role'] || diff['institution']) await this.sessions.closeAllFor(manager, user.id);
      await this.audit.record(manager, caller, {
        action: diff['active'] && !user.active ? 'user.deactivate' : 'user.update',
        entityType: 'user',
        entityId: user.id,
        diff,
      });
      return toUserView(saved);
    });
  }

  resetLink(caller: SignedInContext, id: string): Promise<ResetLinkView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.getRepository(User).existsBy({ id }))) throw AppException.notFound('user', id);
      const link = await this.auth.issueResetLink(manager, id, caller.actor.userId);
      await this.sendLink(
        manager,
        await manager.getRepository(User).findOneByOrFail({ id }),
        link,
        'account.password-link',
      );
      await this.audit.record(manager, caller, {
        action: 'user.reset-link',
        entityType: 'user',
        entityId: id,
        diff: { resetLink: { before: null, after: `[issued, expires ${link.expiresAt}]` } },
      });
      return link;
    });
  }

  /** E-mails a set-password link to its owner (erased from the outbox once delivered). */
  private async sendLink(
    manager: EntityManager,
    user: User,
    link: ResetLinkView,
    kind: 'account.invitation' | 'account.password-link',
  ): Promise<void> {
    const url = new URL(link.url);
    await this.notifications.notify(manager, {
      kind,
      userIds: [user.id],
      params: { role: ROLE_NAMES[user.role], expiresAt: link.expiresAt },
      link: `${url.pathname.replace(/^\/(ar|fr|en)(?=\/)/, '')}${url.search}`,
      key: link.expiresAt,
      inbox: false,
    });
  }

  /** Officers and data managers belong to an institution; the other roles to none. */
  private async institutionFor(manager: EntityManager, role: Role, code: string | null) {
    const violations: RuleViolation[] = [];
    if (isInstitutionScoped(role) && !code) violations.push({ field: 'institutionCode', rule: 'institutionRequired' });
    if (!isInstitutionScoped(role) && code)
      violations.push({ field: 'institutionCode', rule: 'institutionNotAllowed' });
    if (violations.length) throw AppException.validation(violations);
    return code ? (await this.institutions.resolveCodes(manager, [code], 'institutionCode'))[0] : null;
  }
}
