import {
  AUTOMATED_METRICS,
  AWARD_LIMITS,
  CRITERION_KINDS,
  INSTITUTION_TYPES,
  type AutomatedMetric,
  type CriterionKind,
  type InstitutionType,
  type PublishResultsRequest,
  type SaveApplicationRequest,
  type SaveCriterionRequest,
  type SaveEditionRequest,
  type SetJurorsRequest,
  type SetScoresRequest,
  type UpdateApplicationRequest,
  type UpdateEditionRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { HasSomeLocale, IsDecimal, IsIsoDate, IsOmittable } from '../../common/validation/validators';

const nullable = (_: unknown, value: unknown) => value !== null;
const URL_RULE = { protocols: ['https', 'http'], require_protocol: true };
const URL_MAX = 2000;
const CODE = /^[A-Za-z0-9._-]{1,64}$/;
/** Accounts on one edition's jury. */
const JURORS_MAX = 50;
/** The longest search for jury candidates. */
const JUROR_SEARCH_MAX = 100;

export class AwardTitleDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.title) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.title) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.title) en?: string;
}

export class AwardDescriptionDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.description) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.description) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.description) en?: string;
}

export class AwardNarrativeDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.narrative) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.narrative) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(AWARD_LIMITS.narrative) en?: string;
}

export class SaveCriterionDto implements SaveCriterionRequest {
  @IsIn(CRITERION_KINDS) kind!: CriterionKind;
  /** Automated criteria name a metric; jury ones none (checked by the service). */
  @IsOptional() @ValidateIf(nullable) @IsIn(AUTOMATED_METRICS) metric?: AutomatedMetric | null;
  @IsObject() @ValidateNested() @Type(() => AwardTitleDto) @HasSomeLocale() title!: AwardTitleDto;
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => AwardDescriptionDto) description?: AwardDescriptionDto;
  /** Out of 100, to the hundredth; an edition's weights sum to 100. */
  @IsDecimal(2) @Min(0.01) @Max(100) weight!: number;
}

export class SaveEditionDto implements SaveEditionRequest {
  @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsObject() @ValidateNested() @Type(() => AwardTitleDto) @HasSomeLocale() title!: AwardTitleDto;
  @IsIsoDate() callOpensOn!: string;
  @IsISO8601({ strict: true }) applicationsCloseAt!: string;
  @IsIsoDate() scoringOpensOn!: string;
  @IsISO8601({ strict: true }) scoringClosesAt!: string;
  @IsIsoDate() resultsOn!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INSTITUTION_TYPES.length)
  @IsIn(INSTITUTION_TYPES, { each: true })
  eligibleTypes!: InstitutionType[];
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AWARD_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => SaveCriterionDto)
  criteria!: SaveCriterionDto[];
}

export class UpdateEditionDto implements UpdateEditionRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => AwardTitleDto) @HasSomeLocale() title?: AwardTitleDto;
  @IsOmittable() @IsIsoDate() callOpensOn?: string;
  @IsOmittable() @IsISO8601({ strict: true }) applicationsCloseAt?: string;
  @IsOmittable() @IsIsoDate() scoringOpensOn?: string;
  @IsOmittable() @IsISO8601({ strict: true }) scoringClosesAt?: string;
  @IsOmittable() @IsIsoDate() resultsOn?: string;
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INSTITUTION_TYPES.length)
  @IsIn(INSTITUTION_TYPES, { each: true })
  eligibleTypes?: InstitutionType[];
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AWARD_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => SaveCriterionDto)
  criteria?: SaveCriterionDto[];
}

export class JurorDto {
  @IsUUID('all') userId!: string;
  /** Registry codes of the administrations the juror declared a conflict of interest with. */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(CODE, { each: true })
  conflictCodes?: string[];
}

export class SetJurorsDto implements SetJurorsRequest {
  @IsArray() @ArrayMaxSize(JURORS_MAX) @ValidateNested({ each: true }) @Type(() => JurorDto) jurors!: JurorDto[];
}

export class AwardLinkDto {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(AWARD_LIMITS.title) title!: string;
  @IsUrl(URL_RULE) @MaxLength(URL_MAX) url!: string;
}

class ApplicationFieldsDto {
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(AWARD_LIMITS.links)
  @ValidateNested({ each: true })
  @Type(() => AwardLinkDto)
  links?: AwardLinkDto[];
  /** Published reuses of the administration's data (ids of the showcase). */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(AWARD_LIMITS.claimedReuses)
  @IsUUID('all', { each: true })
  claimedReuseIds?: string[];
  /** Send as complete: the first time counts for the tie-break. */
  @IsOmittable() @IsBoolean() submit?: boolean;
}

export class SaveApplicationDto extends ApplicationFieldsDto implements SaveApplicationRequest {
  @IsObject() @ValidateNested() @Type(() => AwardNarrativeDto) narrative!: AwardNarrativeDto;
}

export class UpdateApplicationDto extends ApplicationFieldsDto implements UpdateApplicationRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => AwardNarrativeDto) narrative?: AwardNarrativeDto;
}

export class ScoreDto {
  @IsUUID('all') criterionId!: string;
  /** 0–10, to the hundredth. */
  @IsDecimal(2) @Min(0) @Max(AWARD_LIMITS.maxScore) score!: number;
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(AWARD_LIMITS.comment)
  comment?: string | null;
}

export class SetScoresDto implements SetScoresRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(AWARD_LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores!: ScoreDto[];
}

export class PublishResultsDto implements PublishResultsRequest {
  /** Why a correction is published (required from the second publication on). */
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(AWARD_LIMITS.description)
  reason?: string | null;
}

/** GET /api/v1/award/juror-candidates: part of a display name or an e-mail (everyone when empty). */
export class JurorCandidateQueryDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(JUROR_SEARCH_MAX) q?: string;
}

export class ResultsExportQueryDto {
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}
