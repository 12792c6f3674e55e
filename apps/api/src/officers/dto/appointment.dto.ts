import {
  OFFICER_ROLES,
  type CreateAppointmentRequest,
  type EndAppointmentRequest,
  type OfficerRole,
  type UpdateAppointmentRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../common/validation/validators';
import { HasSomeName } from './has-some-name.validator';

const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const PHONE = /^\+?[0-9 ().-]{6,20}$/;

export class PersonNameDto {
  @IsOptional() @IsString() @MaxLength(200) ar?: string;
  @IsOptional() @IsString() @MaxLength(200) fr?: string;
}

export class CreateAppointmentDto implements CreateAppointmentRequest {
  @IsIn(OFFICER_ROLES) role!: OfficerRole;
  @IsOptional() @IsIn(['active', 'interim']) status?: 'active' | 'interim';
  @ValidateNested() @Type(() => PersonNameDto) @HasSomeName() fullName!: PersonNameDto;
  @Transform(lower) @IsEmail() @MaxLength(254) email!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE) phone?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) position?: string | null;
  @IsOptional() @IsBoolean() publicConsent?: boolean;
  @IsIsoDate() appointedOn!: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(120) actReference?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() actDate?: string | null;
}

export class UpdateAppointmentDto implements UpdateAppointmentRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsIn(['active', 'interim']) status?: 'active' | 'interim';
  @IsOptional() @ValidateNested() @Type(() => PersonNameDto) @HasSomeName() fullName?: PersonNameDto;
  @IsOptional() @Transform(lower) @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(PHONE) phone?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(200) position?: string | null;
  @IsOptional() @IsBoolean() publicConsent?: boolean;
  @IsOptional() @IsIsoDate() appointedOn?: string;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @MaxLength(120) actReference?: string | null;
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsIsoDate() actDate?: string | null;
}

export class EndAppointmentDto implements EndAppointmentRequest {
  @IsInt() @Min(1) version!: number;
  @IsIsoDate() endedOn!: string;
  @IsString() @IsNotEmpty() @MaxLength(300) reason!: string;
}
