import type { UpdateActivityRequest } from '@marsad/contracts';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsDecimal, IsIsoDate, NotAfter } from '../../common/validation/validators';

export class UpdateActivityDto implements UpdateActivityRequest {
  /** The version you last read; a stale one gets 409 with the current state. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIsoDate()
  @NotAfter('dueDate')
  startDate?: string | null;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIsoDate()
  dueDate?: string | null;

  @IsOptional()
  @IsDecimal(3)
  @Min(0)
  @Max(1000)
  weight?: number;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  leadInstitutionCode?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  contributorCodes?: string[];
}
