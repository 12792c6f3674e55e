import {
  DATASET_SORTS,
  FRESHNESS_STATUSES,
  HARVEST_MODES,
  type DatasetSort,
  type FreshnessStatus,
  type HarvestMode,
  type MapOrganizationRequest,
  type PortalDatasetQuery,
  type PortalOrganizationQuery,
  type StartHarvestRequest,
  MAX_PAGE,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class StartHarvestDto implements StartHarvestRequest {
  /** full: everything, and detects datasets that disappeared; incremental: only what changed since the last good run. */
  @IsIn(HARVEST_MODES) mode!: HarvestMode;
}

export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class PortalDatasetQueryDto extends PageQueryDto implements PortalDatasetQuery {
  /** The organisation's name on the portal. */
  @IsOptional() @IsString() @MaxLength(100) organization?: string;
  /** An administration's code (through its portal organisation). */
  @IsOptional() @IsString() @MaxLength(64) institution?: string;
  @IsOptional() @IsIn(FRESHNESS_STATUSES) freshness?: FreshnessStatus;
  /** A normalised format, e.g. CSV. */
  @IsOptional() @IsString() @MaxLength(40) format?: string;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(DATASET_SORTS) sort?: DatasetSort;
}

export class PortalOrganizationQueryDto extends PageQueryDto implements PortalOrganizationQuery {
  @IsOptional() @Transform(toBoolean) @IsBoolean() mapped?: boolean;
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class MapOrganizationDto implements MapOrganizationRequest {
  /** The administration's code, or null to unmap. */
  @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(64) institutionCode!: string | null;
}
