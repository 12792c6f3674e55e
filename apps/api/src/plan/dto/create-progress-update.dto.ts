import {
  ACTIVITY_STATUSES,
  BLOCKER_CATEGORIES,
  PROGRESS_UPDATE_LIMITS as LIMITS,
  type ActivityStatus,
  type Blocker,
  type BlockerCategory,
  type CreateProgressUpdateRequest,
  type ReturnProgressUpdateRequest,
  type ReviseProgressUpdateRequest,
  type ValidateProgressUpdateRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasSomeLocale, IsIsoDate } from '../../common/validation/validators';

export class NarrativeDto {
  @IsOptional() @IsString() @MaxLength(LIMITS.narrative) ar?: string;
  @IsOptional() @IsString() @MaxLength(LIMITS.narrative) fr?: string;
  @IsOptional() @IsString() @MaxLength(LIMITS.narrative) en?: string;
}

export class EvidenceLinkDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(LIMITS.linkUrl)
  url!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.linkTitle)
  title!: string;
}

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class BlockerDto implements Blocker {
  @IsIn(BLOCKER_CATEGORIES)
  category!: BlockerCategory;

  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.blockerText)
  text!: string;
}

/** What a report says, whether made (POST) or corrected (PATCH). The author is the signed-in account. */
export class ProgressReportBodyDto {
  /** Defaults to today (Morocco). Not in the future. */
  @IsOptional()
  @IsIsoDate()
  reportedOn?: string;

  @IsIn(ACTIVITY_STATUSES)
  status!: ActivityStatus;

  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => NarrativeDto)
  @HasSomeLocale()
  narrative!: NarrativeDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.blockers)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BlockerDto)
  blockers?: BlockerDto[];

  /** Keep it as a draft instead of submitting it (officers; a coordinator's report is validated at once). */
  @IsOptional()
  @IsBoolean()
  draft?: boolean;
}

export class CreateProgressUpdateDto extends ProgressReportBodyDto implements CreateProgressUpdateRequest {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.links)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  links?: EvidenceLinkDto[];
}

/** PATCH /api/v1/progress-updates/:id: a draft or returned report, corrected. */
export class ReviseProgressUpdateDto extends ProgressReportBodyDto implements ReviseProgressUpdateRequest {
  @IsInt()
  @Min(1)
  version!: number;
}

export class ReturnProgressUpdateDto implements ReturnProgressUpdateRequest {
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.returnComment)
  comment!: string;
}

export class ValidateProgressUpdateDto implements ValidateProgressUpdateRequest {
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
