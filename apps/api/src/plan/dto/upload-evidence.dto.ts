import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UploadEvidenceDto {
  /** Shown instead of the file name. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
}
