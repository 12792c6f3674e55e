import {
  CONFIRMATION_KINDS,
  INSTITUTION_TYPES,
  MAX_PAGE,
  ROUND_NAME_MAX_LENGTH,
  type CloseRoundRequest,
  type ConfirmRequest,
  type ConfirmationKind,
  type CreateRoundRequest,
  type InstitutionType,
  type RoundAdministrationQuery,
  type UpdateRoundRequest,
} from '@marsad/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasSomeLocale, IsIsoDate } from '../../common/validation/validators';

export class RoundNameDto {
  @IsOptional() @IsString() @MaxLength(ROUND_NAME_MAX_LENGTH) ar?: string;
  @IsOptional() @IsString() @MaxLength(ROUND_NAME_MAX_LENGTH) fr?: string;
  @IsOptional() @IsString() @MaxLength(ROUND_NAME_MAX_LENGTH) en?: string;
}

export class CreateRoundDto implements CreateRoundRequest {
  @IsOptional() @IsString() @MaxLength(64) planCode?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => RoundNameDto)
  @HasSomeLocale()
  name!: RoundNameDto;

  @IsIsoDate() opensOn!: string;
  @IsIsoDate() closesOn!: string;

  /** Activities in scope; default: every activity not completed or cancelled. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  activityIds?: string[];
}

export class UpdateRoundDto implements UpdateRoundRequest {
  @IsInt() version!: number;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RoundNameDto)
  @HasSomeLocale()
  name?: RoundNameDto;

  @IsOptional() @IsIsoDate() opensOn?: string;
  @IsOptional() @IsIsoDate() closesOn?: string;
}

export class CloseRoundDto implements CloseRoundRequest {
  @IsInt() version!: number;
}

export class ConfirmDto implements ConfirmRequest {
  @IsIn(CONFIRMATION_KINDS) kind!: ConfirmationKind;
}

export class RoundAdministrationQueryDto implements RoundAdministrationQuery {
  @IsOptional() @IsIn(['missing', 'late', 'returned', 'complete']) filter?: RoundAdministrationQuery['filter'];
  @IsOptional() @IsIn(INSTITUTION_TYPES) type?: InstitutionType;
  @IsOptional() @IsString() @MaxLength(8) region?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
