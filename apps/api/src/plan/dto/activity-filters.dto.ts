import {
  ACTIVITY_STATUSES,
  HEALTHS,
  INVOLVEMENTS,
  type ActivityFilters,
  type ActivityStatus,
  type Health,
  type Involvement,
} from '@marsad/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';

export class ActivityFiltersDto implements ActivityFilters {
  @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
  @IsOptional() @IsIn(HEALTHS) health?: Health;
  /** Lead institution code. */
  @IsOptional() @IsString() @MaxLength(64) lead?: string;
  /** An administration's code: the activities it leads or contributes to (see `involvement`). */
  @IsOptional() @IsString() @MaxLength(64) institution?: string;
  /** With `institution`: `lead`, `contributor` or `any` (the default). */
  @IsOptional() @IsIn(INVOLVEMENTS) involvement?: Involvement;
  /** Activities due on or before this date. */
  @IsOptional() @IsIsoDate() dueBefore?: string;
}
