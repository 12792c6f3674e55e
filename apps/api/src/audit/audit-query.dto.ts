import { MAX_PAGE } from '@marsad/contracts';
import type { AuditQuery } from '@marsad/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsIsoDate } from '../common/validation/validators';

export class AuditQueryDto implements AuditQuery {
  @IsOptional() @IsString() @MaxLength(32) entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @IsOptional() @IsUUID() actorId?: string;
  /** Institution code of the actor. */
  @IsOptional() @IsString() @MaxLength(64) institution?: string;
  @IsOptional() @IsIsoDate() from?: string;
  @IsOptional() @IsIsoDate() to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
