import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { InstitutionRef } from '@marsad/contracts';
import { In, Repository, type EntityManager } from 'typeorm';
import { AppException } from '../common/errors/app-exception';
import { Institution } from './entities/institution.entity';

export function toInstitutionRef(institution: Institution): InstitutionRef {
  return { code: institution.code, name: institution.name, type: institution.type };
}

@Injectable()
export class InstitutionsService {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

  async list(): Promise<{ items: InstitutionRef[]; total: number }> {
    const rows = await this.institutions.find({ order: { code: 'ASC' } });
    return { items: rows.map(toInstitutionRef), total: rows.length };
  }

  /** Resolves codes to institutions; an unknown code is a validation error on `field`. */
  async resolveCodes(manager: EntityManager, codes: string[], field: string): Promise<Institution[]> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return [];
    const found = await manager.getRepository(Institution).findBy({ code: In(unique) });
    const missing = unique.filter((code) => !found.some((institution) => institution.code === code));
    if (missing.length > 0) {
      throw AppException.validation(missing.map((code) => ({ field, rule: 'unknownInstitution', args: [code] })));
    }
    return unique.map((code) => found.find((institution) => institution.code === code) as Institution);
  }
}
