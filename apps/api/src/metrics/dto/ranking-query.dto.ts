import { INSTITUTION_TYPES, type InstitutionType, type RankingQuery, MAX_PAGE } from '@marsad/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RankingQueryDto implements RankingQuery {
  @IsOptional() @IsIn(INSTITUTION_TYPES) type?: InstitutionType;
  /** HCP region code, e.g. 04. */
  @IsOptional() @IsString() @MaxLength(8) region?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class RankingExportQueryDto extends RankingQueryDto {
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}
