import {
  APPOINTMENT_LIMITS as LIMITS,
  OFFICER_ROLES,
  type CreateAppointmentRequest,
  type EndAppointmentRequest,
  type OfficerRole,
  type UpdateAppointmentRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { HasSomeName } from './has-some-name.validator';
import { lowerCased, PHONE_PATTERN } from '../../common/validation/transforms';

export class PersonNameDto {
  @IsOptional() @IsString() @MaxLength(LIMITS.fullName) ar?: string;
  @IsOptional() @IsString() @MaxLength(LIMITS.fullName) fr?: string;
}

export class CreateAppointmentDto implements CreateAppointmentRequest {
  @IsIn(OFFICER_ROLES) role!: OfficerRole;
  @IsOptional() @IsIn(['active', 'interim']) status?: 'active' | 'interim';
  @IsObject() @ValidateNested() @Type(() => PersonNameDto) @HasSomeName() fullName!: PersonNameDto;
  @Transform(lowerCased) @IsEmail() @MaxLength(LIMITS.email) email!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE_PATTERN) phone?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(LIMITS.position) position?: string | null;
  @IsOptional() @IsBoolean() publicConsent?: boolean;
  @IsIsoDate() appointedOn!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(LIMITS.actReference) actReference?:
    string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() actDate?: string | null;
}

export class UpdateAppointmentDto implements UpdateAppointmentRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsIn(['active', 'interim']) status?: 'active' | 'interim';
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PersonNameDto) @HasSomeName() fullName?: PersonNameDto;
  @IsOptional() @Transform(lowerCased) @IsEmail() @MaxLength(LIMITS.email) email?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE_PATTERN) phone?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(LIMITS.position) position?: string | null;
  @IsOptional() @IsBoolean() publicConsent?: boolean;
  @IsOptional() @IsIsoDate() appointedOn?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(LIMITS.actReference) actReference?:
    string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() actDate?: string | null;
}

export class EndAppointmentDto implements EndAppointmentRequest {
  @IsInt() @Min(1) version!: number;
  @IsIsoDate() endedOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(LIMITS.endReason) reason!: string;
}
