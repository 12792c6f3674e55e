import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AWARD_LIMITS, EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES, type AwardFileView } from '@marsad/contracts';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AuditService, diffOf } from '../audit/audit.service';
import { AppException } from '../common/errors/app-exception';
import { checkedDocument, type FileUpload } from '../storage/file-type.util';
import { StorageService } from '../storage/storage.service';
import { editionPhase } from './award-phase';
import { AwardService, fileView, forbidden, phaseConflict } from './award.service';
import { AwardApplicationFile } from './entities/award-application-file.entity';
import { AwardApplication } from './entities/award-application.entity';
import { AwardEdition } from './entities/award-edition.entity';

/**
 * An application's evidence files: its administration adds and removes them while the call is open
 * (locked with the application at the deadline); whoever may read the application downloads them.
 */
@Injectable()
export class AwardFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly award: AwardService,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
  ) {}

  async add(
    caller: SignedInContext,
    applicationId: string,
    file: FileUpload | undefined,
    title?: string,
  ): Promise<AwardFileView> {
    const document = await checkedDocument(file, EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES);
    const stored = await this.storage.put('award', document.buffer);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.lockOwnOpenApplication(manager, caller, applicationId);
        const repo = manager.getRepository(AwardApplicationFile);
        const count = await repo.countBy({ applicationId });
        if (count >= AWARD_LIMITS.files)
          throw AppException.validation([{ field: 'files', rule: 'arrayMaxSize', args: [AWARD_LIMITS.files] }]);
        const row = await repo.save(
          repo.create({
            applicationId,
            title: (title?.trim() || document.fileName).slice(0, 300),
            storageKey: stored.key,
            contentType: document.contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
          }),
        );
        await this.audit.record(manager, caller, {
          action: 'award-application.file-add',
          entityType: 'award_application',
          entityId: applicationId,
          diff: diffOf(null, { file: row.title, contentType: row.contentType, sha256: row.sha256 }),
        });
        return fileView(row);
      });
    } catch (error) {
      await this.storage.remove(stored.key);
      throw error;
    }
  }

  async remove(caller: SignedInContext, applicationId: string, fileId: string): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      await this.lockOwnOpenApplication(manager, caller, applicationId);
      const repo = manager.getRepository(AwardApplicationFile);
      const row = await repo.findOneBy({ id: fileId, applicationId });
      if (!row) throw AppException.notFound('awardFile', fileId);
      await repo.delete({ id: row.id });
      await this.audit.record(manager, caller, {
        action: 'award-application.file-remove',
        entityType: 'award_application',
        entityId: applicationId,
        diff: diffOf({ file: row.title, contentType: row.contentType, sha256: row.sha256 }, null),
      });
      return row.storageKey;
    });
    await this.storage.remove(key);
  }

  /** The file, for whoever may read its application (the same 403s, conflicts included). */
  async open(
    caller: SignedInContext,
    fileId: string,
  ): Promise<{ stream: Readable; contentType: string; fileName: string; sizeBytes: number }> {
    const row = await this.dataSource.getRepository(AwardApplicationFile).findOneBy({ id: fileId });
    if (!row) throw AppException.notFound('awardFile', fileId);
    await this.award.application(caller, row.applicationId);
    return {
      stream: this.storage.open(row.storageKey),
      contentType: row.contentType,
      fileName: row.title,
      sizeBytes: row.sizeBytes,
    };
  }

  /** The caller's administration's application, locked for writing, while its edition's call is open. */
  private async lockOwnOpenApplication(
    manager: EntityManager,
    caller: SignedInContext,
    applicationId: string,
  ): Promise<AwardApplication> {
    const application = await manager
      .getRepository(AwardApplication)
      .findOne({ where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw AppException.notFound('awardApplication', applicationId);
    if (!caller.actor.institutionId || application.institutionId !== caller.actor.institutionId)
      throw forbidden('institution');
    const edition = await manager
      .getRepository(AwardEdition)
      .findOneOrFail({ where: { id: application.editionId }, lock: { mode: 'pessimistic_read' } });
    const phase = editionPhase(edition, await this.award.isPublished(manager, application.editionId));
    if (phase !== 'open') throw phaseConflict(phase, 'applications are locked after the deadline');
    return application;
  }
}
