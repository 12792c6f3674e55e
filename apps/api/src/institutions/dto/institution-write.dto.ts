import {
  INSTITUTION_TYPES,
  type CreateInstitutionRequest,
  type InstitutionType,
  type UpdateInstitutionRequest,
} from '@marsad/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class InstitutionNameDto {
  @IsString() @IsNotEmpty() @MaxLength(300) ar!: string;
  @IsString() @IsNotEmpty() @MaxLength(300) fr!: string;
  @IsOptional() @IsString() @MaxLength(300) en?: string;
}

const nullable = (_: object, value: unknown) => value !== null;

export class CreateInstitutionDto implements CreateInstitutionRequest {
  /** Letters, digits, dots and hyphens, e.g. ONEE or 04.421. */
  @Matches(/^[A-Z0-9][A-Z0-9.-]{1,63}$/) code!: string;
  @IsObject() @ValidateNested() @Type(() => InstitutionNameDto) name!: InstitutionNameDto;
  @IsIn(INSTITUTION_TYPES) type!: InstitutionType;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(32) acronym?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(64) parentCode?: string | null;
  @IsOptional() @ValidateIf(nullable) @Matches(/^\d{2}$/) regionCode?: string | null;
  @IsOptional()
  @ValidateIf(nullable)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;
  @IsOptional() @ValidateIf(nullable) @Matches(/^[a-z0-9_-]{2,100}$/) portalOrgName?: string | null;
}

export class UpdateInstitutionDto implements UpdateInstitutionRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => InstitutionNameDto) name?: InstitutionNameDto;
  @IsOptional() @IsIn(INSTITUTION_TYPES) type?: InstitutionType;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(32) acronym?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(64) parentCode?: string | null;
  @IsOptional() @ValidateIf(nullable) @Matches(/^\d{2}$/) regionCode?: string | null;
  @IsOptional()
  @ValidateIf(nullable)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;
  @IsOptional() @ValidateIf(nullable) @Matches(/^[a-z0-9_-]{2,100}$/) portalOrgName?: string | null;
  @IsOptional() @IsBoolean() active?: boolean;
}
