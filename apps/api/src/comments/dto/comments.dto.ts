import {
  MAX_PAGE,
  PLAN_COMMENT_LIMITS,
  PLAN_COMMENT_STATUSES,
  type AnswerPlanCommentRequest,
  type ModeratePlanCommentRequest,
  type PlanCommentQuery,
  type PlanCommentStatus,
  type PostPlanCommentRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { trimmed } from '../../common/validation/transforms';

const nullable = (_: unknown, value: unknown) => value !== null;
/** A name left blank is no name: the comment is anonymous. */
const blankToNull = (input: { value: unknown }) => {
  const value = trimmed(input);
  return value === '' ? null : value;
};

/** A comment from anyone: the text (trimmed), an optional name, and the honeypot. No e-mail is asked. */
export class PostPlanCommentDto implements PostPlanCommentRequest {
  @Transform(trimmed)
  @IsString()
  @MinLength(PLAN_COMMENT_LIMITS.bodyMin)
  @MaxLength(PLAN_COMMENT_LIMITS.body)
  body!: string;

  @IsOptional()
  @Transform(blankToNull)
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(PLAN_COMMENT_LIMITS.name)
  name?: string | null;

  /** The honeypot: hidden from people, so only robots fill it. */
  @IsOptional() @IsString() @MaxLength(2000) website?: string;
}

/** A coordinator's decision, on the version they read; a rejection needs its reason (checked by the service). */
export class ModeratePlanCommentDto implements ModeratePlanCommentRequest {
  @IsInt() @Min(1) version!: number;
  @IsIn(['published', 'rejected']) status!: 'published' | 'rejected';
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(PLAN_COMMENT_LIMITS.rejectReason)
  rejectReason?: string | null;
}

export class AnswerPlanCommentDto implements AnswerPlanCommentRequest {
  @IsInt() @Min(1) version!: number;
  @Transform(trimmed)
  @IsString()
  @MinLength(PLAN_COMMENT_LIMITS.bodyMin)
  @MaxLength(PLAN_COMMENT_LIMITS.answer)
  body!: string;
}

/** A page of the published comments of a measure or an activity. */
export class PlanCommentPageDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

/** The moderation queue: comments of one status (pending unless said). */
export class PlanCommentQueryDto extends PlanCommentPageDto implements PlanCommentQuery {
  @IsOptional() @IsIn(PLAN_COMMENT_STATUSES) status?: PlanCommentStatus;
}
