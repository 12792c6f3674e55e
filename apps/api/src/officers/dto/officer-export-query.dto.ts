import { APPOINTMENT_STATUSES, OFFICER_ROLES } from '@marsad/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class TableFormatDto {
  @IsOptional() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}

export class OfficerExportQueryDto extends TableFormatDto {
  @IsOptional() @IsString() @MaxLength(64) institution?: string;
  @IsOptional() @IsIn(OFFICER_ROLES) role?: string;
  @IsOptional() @IsIn(APPOINTMENT_STATUSES) status?: string;
}
