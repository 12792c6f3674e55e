import {
  EMAIL_STATES,
  MAX_PAGE,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_MODES,
  type EmailState,
  type NotificationCategory,
  type NotificationMode,
  type UpdateNotificationPreferencesRequest,
} from '@marsad/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class InboxQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
  /** Only the messages not read yet. */
  @IsOptional() @Transform(toBool) @IsBoolean() unread?: boolean;
}

export class PreferenceDto {
  @IsIn(NOTIFICATION_CATEGORIES) category!: NotificationCategory;
  @IsIn(NOTIFICATION_MODES) mode!: NotificationMode;
}

export class UpdatePreferencesDto implements UpdateNotificationPreferencesRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences!: PreferenceDto[];
}

export class UnsubscribeQueryDto {
  @IsString() @MaxLength(200) token!: string;
}

export class OutboxQueryDto {
  @IsOptional() @IsIn(EMAIL_STATES) state?: EmailState;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
