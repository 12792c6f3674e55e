import { INSTITUTION_TYPES, type InstitutionType } from '@marsad/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CoverageQueryDto {
  @IsOptional() @IsIn(INSTITUTION_TYPES) type?: InstitutionType;
  @IsOptional() @IsString() @MaxLength(8) region?: string;
}
