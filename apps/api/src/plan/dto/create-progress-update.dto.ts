import { ACTIVITY_STATUSES, PROGRESS_UPDATE_LIMITS as LIMITS, type ActivityStatus, type CreateProgressUpdateRequest } from '@marsad/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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

export class CreateProgressUpdateDto implements CreateProgressUpdateRequest {
  /** Defaults to today (Morocco). Not in the future. */
  @IsOptional()
  @IsIsoDate()
  reportedOn?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.authorName)
  authorName!: string;

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
  @ArrayMaxSize(LIMITS.links)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  links?: EvidenceLinkDto[];
}
