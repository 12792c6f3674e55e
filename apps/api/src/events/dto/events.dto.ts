import {
  AUDIENCE_CATEGORIES,
  EVENT_FORMATS,
  EVENT_LIMITS,
  EVENT_STATUSES,
  EVENT_TYPES,
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_LINKS_MAX,
  MAX_PAGE,
  type AudienceCategory,
  type EventFormat,
  type EventParticipantsRequest,
  type EventQuery,
  type EventStatus,
  type EventType,
  type FeedbackLinksRequest,
  type SaveEventRequest,
  type SubmitFeedbackRequest,
  type SetReachTargetsRequest,
  type UpdateEventRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '../../common/validation/transforms';
import { HasSomeLocale, IsIsoDate, IsOmittable, NotAfter } from '../../common/validation/validators';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const ACTIVITY_CODE = /^\d{1,2}\.\d{1,2}$/;
const nullable = (_: unknown, value: unknown) => value !== null;
const URL_RULE = { protocols: ['https', 'http'], require_protocol: true };

export class EventTitleDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(EVENT_LIMITS.title) ar?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(EVENT_LIMITS.title) fr?: string;
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(EVENT_LIMITS.title) en?: string;
}

export class EventMaterialDto {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(EVENT_LIMITS.materialTitle) title!: string;
  @IsUrl(URL_RULE) @MaxLength(EVENT_LIMITS.url) url!: string;
}

/** The fields of an event; required on creation (see CreateEventDto), each optional on update. */
class EventFieldsDto {
  @IsOptional() @ValidateIf(nullable) @Matches(CODE) placeCode?: string | null;
  @IsOptional() @ValidateIf(nullable) @IsUrl(URL_RULE) @MaxLength(EVENT_LIMITS.url) onlineUrl?: string | null;
  @IsOptional() @ValidateIf(nullable) @Matches(CODE) organiserCode?: string | null;
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.partners)
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value))
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(EVENT_LIMITS.partner, { each: true })
  partners?: string[];
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(AUDIENCE_CATEGORIES.length)
  @IsIn(AUDIENCE_CATEGORIES, { each: true })
  audiences?: AudienceCategory[];
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(1) @Max(EVENT_LIMITS.capacity) capacity?: number | null;
  @IsOmittable() @IsIn(EVENT_STATUSES) status?: EventStatus;
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.materials)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EventMaterialDto)
  materials?: EventMaterialDto[];
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.linkedActivities)
  @Matches(ACTIVITY_CODE, { each: true })
  activityCodes?: string[];
}

export class CreateEventDto extends EventFieldsDto implements SaveEventRequest {
  @IsIn(EVENT_TYPES) type!: EventType;
  @IsObject() @ValidateNested() @Type(() => EventTitleDto) @HasSomeLocale() title!: EventTitleDto;
  @IsIsoDate() @NotAfter('endsOn') startsOn!: string;
  @IsIsoDate() endsOn!: string;
  @IsIn(EVENT_FORMATS) format!: EventFormat;
}

export class UpdateEventDto extends EventFieldsDto implements UpdateEventRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @IsIn(EVENT_TYPES) type?: EventType;
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => EventTitleDto) @HasSomeLocale() title?: EventTitleDto;
  @IsOmittable() @IsIsoDate() startsOn?: string;
  @IsOmittable() @IsIsoDate() endsOn?: string;
  @IsOmittable() @IsIn(EVENT_FORMATS) format?: EventFormat;
}

const OTHER_CATEGORIES = AUDIENCE_CATEGORIES.filter((c) => c !== 'officers' && c !== 'data_managers');

export class ParticipantCountDto {
  @IsIn(OTHER_CATEGORIES) category!: Exclude<AudienceCategory, 'officers' | 'data_managers'>;
  @IsInt() @Min(0) @Max(EVENT_LIMITS.count) count!: number;
}

export class EventParticipantsDto implements EventParticipantsRequest {
  @IsInt() @Min(1) version!: number;
  @IsOmittable() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) addAppointmentIds?: string[];
  @IsOmittable() @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) removeParticipantIds?: string[];
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(OTHER_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ParticipantCountDto)
  counts?: ParticipantCountDto[];
}

export class EventQueryDto implements EventQuery {
  @IsOptional() @IsIn(EVENT_TYPES) type?: EventType;
  @IsOptional() @IsIn(EVENT_STATUSES) status?: EventStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOptional() @Matches(CODE) institution?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class ReachTargetDto {
  @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsIn(EVENT_TYPES) type!: EventType;
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(0) @Max(100_000) events!: number | null;
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(0) @Max(10_000_000) participants!: number | null;
}

export class SetReachTargetsDto implements SetReachTargetsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReachTargetDto)
  targets!: ReachTargetDto[];
}

export class FeedbackLinksDto implements FeedbackLinksRequest {
  @IsInt() @Min(1) @Max(FEEDBACK_LINKS_MAX) count!: number;
}

export class SubmitFeedbackDto implements SubmitFeedbackRequest {
  @IsInt() @Min(1) @Max(5) overall!: number;
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(1) @Max(5) content?: number | null;
  @IsOptional() @ValidateIf(nullable) @IsInt() @Min(1) @Max(5) organisation?: number | null;
  @IsOptional()
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(FEEDBACK_COMMENT_MAX)
  comment?: string | null;
}

/** The event's version, sent beside the sign-in sheet file. */
export class SignInSheetCommitDto {
  @Type(() => Number) @IsInt() @Min(1) version!: number;
}
