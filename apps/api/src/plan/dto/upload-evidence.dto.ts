import { PROGRESS_UPDATE_LIMITS } from '@marsad/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UploadEvidenceDto {
  /** Shown instead of the file name. */
  @IsOptional()
  @IsString()
  @MaxLength(PROGRESS_UPDATE_LIMITS.evidenceTitle)
  title?: string;
}
