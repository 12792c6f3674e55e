import {
  CLASSIFICATIONS,
  DATA_THEMES,
  FREQUENCIES,
  INVENTORY_LIMITS as LIMITS,
  INVENTORY_PRIORITIES,
  INVENTORY_REFERENCE,
  INVENTORY_STATUSES,
  MATCH_STATES,
  type Classification,
  type ConfirmMatchRequest,
  type CreateInventoryItemRequest,
  type DataTheme,
  type Frequency,
  type InventoryPriority,
  type InventoryQuery,
  type InventoryStatus,
  type MatchState,
  type UpdateInventoryItemRequest,
  MAX_PAGE,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { trimmed } from '../../common/validation/transforms';

const nullable = (_: object, value: unknown) => value !== null;

export class InventoryTitleDto {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(LIMITS.title) ar!: string;
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(LIMITS.title) fr!: string;
}

/** The fields a create and an update share; each optional here, required ones re-declared below. */
class InventoryFieldsDto {
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(LIMITS.description) description?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsIn(DATA_THEMES) theme?: DataTheme | null;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(LIMITS.owningUnit) owningUnit?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsString() @MaxLength(LIMITS.legalBasis) legalBasis?: string | null;
  @IsOptional() @IsIn(INVENTORY_PRIORITIES) priority?: InventoryPriority;
  @IsOptional() @ValidateIf(nullable) @IsIsoDate() plannedDate?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsIn(FREQUENCIES) frequency?: Frequency | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.formats)
  @IsString({ each: true })
  @MaxLength(LIMITS.format, { each: true })
  formats?: string[];
  @IsOptional() @IsIn(INVENTORY_STATUSES) status?: InventoryStatus;
  @IsOptional() @IsBoolean() public?: boolean;
}

export class CreateInventoryItemDto extends InventoryFieldsDto implements CreateInventoryItemRequest {
  @Transform(trimmed) @Matches(INVENTORY_REFERENCE) reference!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => InventoryTitleDto) title!: InventoryTitleDto;
  @IsIn(CLASSIFICATIONS) classification!: Classification;
}

export class UpdateInventoryItemDto extends InventoryFieldsDto implements UpdateInventoryItemRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @Transform(trimmed) @Matches(INVENTORY_REFERENCE) reference?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => InventoryTitleDto) title?: InventoryTitleDto;
  @IsOptional() @IsIn(CLASSIFICATIONS) classification?: Classification;
}

export class ConfirmMatchDto implements ConfirmMatchRequest {
  @IsInt() @Min(1) version!: number;
  /** The portal dataset (CKAN id), or null to clear the match. */
  @ValidateIf(nullable) @IsString() @IsNotEmpty() @MaxLength(100) ckanId!: string | null;
}

export class InventoryQueryDto implements InventoryQuery {
  /** Free text over the titles (ar, fr) and the reference; accents and hamza variants ignored. */
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(INVENTORY_STATUSES) status?: InventoryStatus;
  @IsOptional() @IsIn(CLASSIFICATIONS) classification?: Classification;
  @IsOptional() @IsIn(MATCH_STATES) match?: MatchState;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class InventoryExportQueryDto extends InventoryQueryDto {
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}
