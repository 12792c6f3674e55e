import {
  MAX_PAGE,
  REUSE_LIMITS,
  REUSE_ORIGINS,
  REUSE_STATUSES,
  REUSER_TYPES,
  type ProposeReuseRequest,
  type ReuseOrigin,
  type ReuseQuery,
  type ReuserType,
  type ReuseStatus,
  type UpdateReuseRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { lowerCased, trimmed } from '../../common/validation/transforms';
import { IsOmittable } from '../../common/validation/validators';
import { HasArabicOrFrench } from './has-arabic-or-french.validator';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const URL_RULE = { protocols: ['https', 'http'], require_protocol: true };
/** A portal (CKAN) id as portal_datasets keeps it. */
const PORTAL_ID_MAX = 100;
const nullable = (_: unknown, value: unknown) => value !== null;
/** An address left blank is no address. */
const blankToNull = (input: { value: unknown }) => {
  const value = lowerCased(input);
  return value === '' ? null : value;
};

export class ReuseTitleDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.title) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.title) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.title) en?: string;
}

export class ReuseDescriptionDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.description) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.description) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.description) en?: string;
}

/** The fields a proposal must carry; each optional on a coordinator's change (see UpdateReuseDto). */
export class ProposeReuseDto implements ProposeReuseRequest {
  @IsObject() @ValidateNested() @Type(() => ReuseTitleDto) @HasArabicOrFrench() title!: ReuseTitleDto;
  @IsObject()
  @ValidateNested()
  @Type(() => ReuseDescriptionDto)
  @HasArabicOrFrench()
  description!: ReuseDescriptionDto;
  @IsIn(REUSER_TYPES) reuserType!: ReuserType;
  @Transform(trimmed) @IsUrl(URL_RULE) @MaxLength(REUSE_LIMITS.url) url!: string;
  @IsOmittable() @IsIn(REUSE_ORIGINS) origin?: ReuseOrigin;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REUSE_LIMITS.datasets)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(PORTAL_ID_MAX, { each: true })
  datasetIds!: string[];
  @IsOptional()
  @Transform(blankToNull)
  @ValidateIf(nullable)
  @IsEmail()
  @MaxLength(REUSE_LIMITS.email)
  contactEmail?: string | null;
  /** The honeypot: hidden from people, so only robots fill it. */
  @IsOptional() @IsString() @MaxLength(REUSE_LIMITS.url) website?: string;
}

export class UpdateReuseDto implements UpdateReuseRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => ReuseTitleDto) @HasArabicOrFrench() title?: ReuseTitleDto;
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ReuseDescriptionDto)
  @HasArabicOrFrench()
  description?: ReuseDescriptionDto;
  @IsOmittable() @IsIn(REUSER_TYPES) reuserType?: ReuserType;
  @IsOmittable() @Transform(trimmed) @IsUrl(URL_RULE) @MaxLength(REUSE_LIMITS.url) url?: string;
  @IsOmittable() @IsIn(REUSE_ORIGINS) origin?: ReuseOrigin;
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REUSE_LIMITS.datasets)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(PORTAL_ID_MAX, { each: true })
  datasetIds?: string[];
  @IsOmittable() @IsIn(REUSE_STATUSES) status?: ReuseStatus;
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(REUSE_LIMITS.rejectReason)
  rejectReason?: string | null;
}

export class ReuseQueryDto implements ReuseQuery {
  @IsOptional() @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(PORTAL_ID_MAX) theme?: string;
  @IsOptional() @Matches(CODE) institution?: string;
  @IsOptional() @IsIn(REUSER_TYPES) reuserType?: ReuserType;
  @IsOptional() @IsIn(REUSE_ORIGINS) origin?: ReuseOrigin;
  @IsOptional() @IsIn(REUSE_STATUSES) status?: ReuseStatus;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(REUSE_LIMITS.title) q?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
