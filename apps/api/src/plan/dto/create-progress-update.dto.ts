import { ACTIVITY_STATUSES, type ActivityStatus, type CreateProgressUpdateRequest } from '@marsad/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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
  @IsOptional() @IsString() @MaxLength(5000) ar?: string;
  @IsOptional() @IsString() @MaxLength(5000) fr?: string;
  @IsOptional() @IsString() @MaxLength(5000) en?: string;
}

export class EvidenceLinkDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  url!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;
}

export class CreateProgressUpdateDto implements CreateProgressUpdateRequest {
  /** Defaults to today (Morocco). Not in the future. */
  @IsOptional()
  @IsIsoDate()
  reportedOn?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authorName!: string;

  @IsIn(ACTIVITY_STATUSES)
  status!: ActivityStatus;

  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;

  @ValidateNested()
  @Type(() => NarrativeDto)
  @HasSomeLocale()
  narrative!: NarrativeDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceLinkDto)
  links?: EvidenceLinkDto[];
}
