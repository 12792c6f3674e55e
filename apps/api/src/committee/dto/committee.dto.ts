import {
  ACTION_ITEM_STATUSES,
  ATTENDANCE_STATUSES,
  COMMITTEE_POSITIONS,
  COMMITTEE_TEXT_MAX_LENGTH,
  MEETING_PLACE_MAX_LENGTH,
  MEETING_STATUSES,
  MINUTES_MAX_LENGTH,
  PACK_FORMATS,
  type ActionItemInput,
  type ActionItemQuery,
  type ActionItemStatus,
  type AddCommitteeMemberRequest,
  type AddRepresentativeRequest,
  type AgendaItemInput,
  type ApproveMinutesRequest,
  type AttendanceStatus,
  type CommitteePosition,
  type ConfirmOwnAttendanceRequest,
  type CreateDecisionRequest,
  type CreateMeetingRequest,
  type InvitedExpert,
  type MeetingStatus,
  type PackFormat,
  type RecordAttendanceRequest,
  type UpdateActionItemRequest,
  type UpdateCommitteeMemberRequest,
  type UpdateMeetingRequest,
  type UpdateRepresentativeRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
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
import { HasSomeLocale, IsIsoDate, IsOmittable } from '../../common/validation/validators';
import { lowerCased, PHONE_PATTERN, trimmed } from '../../common/validation/transforms';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CommitteeTextDto {
  @IsOptional() @IsString() @MaxLength(COMMITTEE_TEXT_MAX_LENGTH) ar?: string;
  @IsOptional() @IsString() @MaxLength(COMMITTEE_TEXT_MAX_LENGTH) fr?: string;
  @IsOptional() @IsString() @MaxLength(COMMITTEE_TEXT_MAX_LENGTH) en?: string;
}

export class MinutesDto {
  @IsOptional() @IsString() @MaxLength(MINUTES_MAX_LENGTH) ar?: string;
  @IsOptional() @IsString() @MaxLength(MINUTES_MAX_LENGTH) fr?: string;
  @IsOptional() @IsString() @MaxLength(MINUTES_MAX_LENGTH) en?: string;
}

export class AddMemberDto implements AddCommitteeMemberRequest {
  @Matches(CODE) institutionCode!: string;
  @IsIsoDate() joinedOn!: string;
}

export class UpdateMemberDto implements UpdateCommitteeMemberRequest {
  @IsInt() version!: number;
  @IsOmittable() @IsIsoDate() joinedOn?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() leftOn?: string | null;
}

export class AddRepresentativeDto implements AddRepresentativeRequest {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(200) fullName!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) title?: string | null;
  @IsIn(COMMITTEE_POSITIONS) position!: CommitteePosition;
  @IsOptional() @IsBoolean() alternate?: boolean;
  @IsIsoDate() fromOn!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() toOn?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Transform(lowerCased) @IsEmail() @MaxLength(254) email?:
    string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE_PATTERN) phone?: string | null;
  @IsOptional() @IsBoolean() linkAccount?: boolean;
}

export class UpdateRepresentativeDto implements UpdateRepresentativeRequest {
  @IsInt() version!: number;
  @IsOmittable() @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(200) fullName?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) title?: string | null;
  @IsOmittable() @IsIn(COMMITTEE_POSITIONS) position?: CommitteePosition;
  @IsOmittable() @IsBoolean() alternate?: boolean;
  @IsOmittable() @IsIsoDate() fromOn?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() toOn?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Transform(lowerCased) @IsEmail() @MaxLength(254) email?:
    string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE_PATTERN) phone?: string | null;
  @IsOmittable() @IsBoolean() linkAccount?: boolean;
}

export class AgendaItemDto implements AgendaItemInput {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CommitteeTextDto) title?: CommitteeTextDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(13)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  measureNumbers?: number[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(CODE, { each: true }) activityCodes?: string[];
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsUUID() actionItemId?: string | null;
}

export class ExpertDto implements InvitedExpert {
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(200) organisation!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(300) topic?: string | null;
}

export class CreateMeetingDto implements CreateMeetingRequest {
  @IsISO8601({ strict: true }) startsAt!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(MEETING_PLACE_MAX_LENGTH) place?:
    string | null;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2048)
  onlineUrl?: string | null;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ExpertDto)
  experts?: ExpertDto[];
}

export class UpdateMeetingDto implements UpdateMeetingRequest {
  @IsInt() version!: number;
  @IsOmittable() @IsISO8601({ strict: true }) startsAt?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(MEETING_PLACE_MAX_LENGTH) place?:
    string | null;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2048)
  onlineUrl?: string | null;
  @IsOmittable() @IsIn(MEETING_STATUSES) status?: MeetingStatus;
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ExpertDto)
  experts?: ExpertDto[];
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => MinutesDto) minutes?: MinutesDto;
}

export class AttendanceEntryDto {
  @IsUUID() representativeId!: string;
  @ValidateIf((_, v) => v !== null) @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus | null;
}

export class RecordAttendanceDto implements RecordAttendanceRequest {
  @IsInt() version!: number;
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class ConfirmOwnAttendanceDto implements ConfirmOwnAttendanceRequest {
  @IsIn(ATTENDANCE_STATUSES) status!: AttendanceStatus;
}

export class ApproveMinutesDto implements ApproveMinutesRequest {
  @IsInt() version!: number;
}

export class ActionItemInputDto implements ActionItemInput {
  @IsObject() @ValidateNested() @Type(() => CommitteeTextDto) @HasSomeLocale() text!: CommitteeTextDto;
  @Matches(CODE) ownerCode!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) ownerPerson?: string | null;
  @IsIsoDate() dueOn!: string;
}

export class CreateDecisionDto implements CreateDecisionRequest {
  @IsObject() @ValidateNested() @Type(() => CommitteeTextDto) @HasSomeLocale() text!: CommitteeTextDto;
  @IsOptional() @IsIsoDate() decidedOn?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(13)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(99, { each: true })
  measureNumbers?: number[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(CODE, { each: true }) activityCodes?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInputDto)
  actionItems?: ActionItemInputDto[];
}

export class ActionItemQueryDto implements ActionItemQuery {
  @IsOptional() @IsIn([...ACTION_ITEM_STATUSES]) status?: ActionItemStatus;
  @IsOptional() @Matches(CODE) owner?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
}

export class UpdateActionItemDto implements UpdateActionItemRequest {
  @IsInt() version!: number;
  @IsOmittable() @IsIn(ACTION_ITEM_STATUSES) status?: ActionItemStatus;
  @IsOmittable() @Transform(trimmed) @IsString() @IsNotEmpty() @MaxLength(COMMITTEE_TEXT_MAX_LENGTH) note?: string;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Transform(trimmed)
  @IsString()
  @MaxLength(COMMITTEE_TEXT_MAX_LENGTH)
  closingEvidence?: string | null;
  @IsOmittable() @IsIsoDate() dueOn?: string;
}

export class AddDocumentDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(300) title?: string;
  /** A link instead of a file. */
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(2048) url?: string;
  /** `minutes_signed` marks the approved, signed minutes (a PDF). */
  @IsOptional() @IsIn(['document', 'minutes_signed']) role?: 'document' | 'minutes_signed';
}

export class PackQueryDto {
  @IsOptional() @IsIn(PACK_FORMATS) format?: PackFormat;
  @IsOptional() @IsIn(['ar', 'fr', 'en']) lang?: 'ar' | 'fr' | 'en';
}
