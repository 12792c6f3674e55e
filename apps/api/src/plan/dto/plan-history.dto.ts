import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';

/** GET /api/v1/plans/:code/history?from=&to=: both days included, either left open. */
export class PlanHistoryQueryDto {
  @IsOptional() @IsIsoDate() from?: string;
  @IsOptional() @IsIsoDate() to?: string;
}

/** GET /api/v1/plans/:code/history/:day. */
export class PlanSnapshotParamsDto {
  @IsString() @MaxLength(64) code!: string;
  @IsIsoDate() day!: string;
}
