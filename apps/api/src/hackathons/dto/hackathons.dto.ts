import {
  HACKATHON_LIMITS,
  REUSER_TYPES,
  type ReuserType,
  type SaveChallengeRequest,
  type SaveTeamRequest,
  type TeamToReuseRequest,
  type UpdateChallengeRequest,
  type UpdateTeamRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '../../common/validation/transforms';
import { HasSomeLocale, IsDecimal, IsOmittable } from '../../common/validation/validators';

const nullable = (_: unknown, value: unknown) => value !== null;
const URL_RULE = { protocols: ['https', 'http'], require_protocol: true };
/** A CKAN id or name, as the portal writes them. */
const PORTAL_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export class ChallengeTitleDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.title) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.title) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.title) en?: string;
}

export class HackathonDescriptionDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.description) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.description) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(HACKATHON_LIMITS.description) en?: string;
}

class ChallengeFieldsDto {
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => HackathonDescriptionDto)
  description?: HackathonDescriptionDto;
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(HACKATHON_LIMITS.datasets)
  @Matches(PORTAL_ID, { each: true })
  datasetIds?: string[];
}

export class SaveChallengeDto extends ChallengeFieldsDto implements SaveChallengeRequest {
  @IsObject() @ValidateNested() @Type(() => ChallengeTitleDto) @HasSomeLocale() title!: ChallengeTitleDto;
}

export class UpdateChallengeDto extends ChallengeFieldsDto implements UpdateChallengeRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ChallengeTitleDto)
  @HasSomeLocale()
  title?: ChallengeTitleDto;
}

export class TeamSubmissionDto {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(HACKATHON_LIMITS.title) title!: string;
  @IsOptional() @ValidateIf(nullable) @IsUrl(URL_RULE) @MaxLength(HACKATHON_LIMITS.url) url?: string | null;
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(HACKATHON_LIMITS.description)
  description?: string | null;
}

class TeamFieldsDto {
  @IsOptional() @ValidateIf(nullable) @IsUUID('all') challengeId?: string | null;
  @IsOptional()
  @ValidateIf(nullable)
  @IsObject()
  @ValidateNested()
  @Type(() => TeamSubmissionDto)
  submission?: TeamSubmissionDto | null;
}

export class SaveTeamDto extends TeamFieldsDto implements SaveTeamRequest {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(HACKATHON_LIMITS.teamName) name!: string;
  @IsInt() @Min(1) @Max(HACKATHON_LIMITS.members) members!: number;
}

export class UpdateTeamDto extends TeamFieldsDto implements UpdateTeamRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(HACKATHON_LIMITS.teamName) name?: string;
  @IsOmittable() @IsInt() @Min(1) @Max(HACKATHON_LIMITS.members) members?: number;
  /** The jury's score out of 100, to the hundredth. */
  @IsOptional()
  @ValidateIf(nullable)
  @IsDecimal(2)
  @Min(0)
  @Max(HACKATHON_LIMITS.score)
  score?: number | null;
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(1) @Max(HACKATHON_LIMITS.teams) rank?: number | null;
}

export class TeamToReuseDto implements TeamToReuseRequest {
  @IsIn(REUSER_TYPES) reuserType!: ReuserType;
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => HackathonDescriptionDto)
  description?: HackathonDescriptionDto;
}

/** The version read, beside a DELETE. */
export class HackathonVersionQueryDto {
  @Type(() => Number) @IsInt() @Min(1) version!: number;
}
