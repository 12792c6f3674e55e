import {
  INSTITUTION_SORTS,
  INSTITUTION_TYPES,
  type InstitutionQuery,
  type InstitutionSort,
  type InstitutionType,
  MAX_PAGE,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Query strings carry text: only the exact words true and false are booleans.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InstitutionQueryDto implements InstitutionQuery {
  /** Free text over names (ar, fr, en), acronym and code. */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(INSTITUTION_TYPES) type?: InstitutionType;
  /** HCP region code, e.g. 04. */
  @IsOptional() @IsString() @MaxLength(8) region?: string;
  /** Code of the parent (supervising ministry, region or province). */
  @IsOptional() @IsString() @MaxLength(64) parent?: string;
  /** Has (true) or lacks (false) an active or interim open-data officer. */
  @IsOptional() @Transform(toBoolean) @IsBoolean() hasRod?: boolean;
  /** Has (true) or lacks (false) an active or interim data manager. */
  @IsOptional() @Transform(toBoolean) @IsBoolean() hasGdd?: boolean;
  /** type (default: ministries and agencies first, then regions, provinces, communes), code or name. */
  @IsOptional() @IsIn(INSTITUTION_SORTS) sort?: InstitutionSort;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class InstitutionExportQueryDto extends InstitutionQueryDto {
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}
