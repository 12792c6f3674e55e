import {
  EMAIL_MAX_LENGTH,
  type ChangePasswordRequest,
  type ResetPasswordRequest,
  type SignInRequest,
} from '@marsad/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignInDto implements SignInRequest {
  // People paste addresses with stray spaces; the comparison is case-insensitive anyway.
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString() @IsNotEmpty() @MaxLength(256) currentPassword!: string;
  @IsString() @IsNotEmpty() @MaxLength(256) newPassword!: string;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @IsString() @IsNotEmpty() @MaxLength(100) token!: string;
  @IsString() @IsNotEmpty() @MaxLength(256) newPassword!: string;
}
