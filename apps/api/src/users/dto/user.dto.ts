import { LOCALES, ROLES, type CreateUserRequest, type Locale, type Role, type UpdateUserRequest } from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString() @IsNotEmpty() @MaxLength(200) displayName!: string;

  @IsIn(ROLES) role!: Role;

  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(64) institutionCode?: string | null;

  @IsOptional() @IsIn(LOCALES) preferredLocale?: Locale;
}

export class UpdateUserDto implements UpdateUserRequest {
  @IsInt() @Min(1) version!: number;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(64) institutionCode?: string | null;
  @IsOptional() @IsIn(LOCALES) preferredLocale?: Locale;
  @IsOptional() @IsBoolean() active?: boolean;
}

export class UserQueryDto {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
