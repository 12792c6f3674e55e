import { ACTIVITY_STATUSES, HEALTHS, type ActivityFilters, type ActivityStatus, type Health } from '@marsad/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';

export class ActivityFiltersDto implements ActivityFilters {
  @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
  @IsOptional() @IsIn(HEALTHS) health?: Health;
  /** Lead institution code. */
  @IsOptional() @IsString() @MaxLength(64) lead?: string;
  /** Activities due on or before this date. */
  @IsOptional() @IsIsoDate() dueBefore?: string;
}
