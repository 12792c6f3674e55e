import {
  LOCALES,
  ROLES,
  USER_LIMITS,
  type CreateUserRequest,
  type Locale,
  type Role,
  type UpdateUserRequest,
  MAX_PAGE,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(USER_LIMITS.email)
  email!: string;

  @IsString() @IsNotEmpty() @MaxLength(USER_LIMITS.displayName) displayName!: string;

  @IsIn(ROLES) role!: Role;

  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(64) institutionCode?: string | null;

  @IsOptional() @IsIn(LOCALES) preferredLocale?: Locale;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(USER_LIMITS.displayName) displayName?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(64) institutionCode?: string | null;
  @IsOptional() @IsIn(LOCALES) preferredLocale?: Locale;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UserQueryDto {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
