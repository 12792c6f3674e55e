import { OPEN_DATA_FORMATS, type OpenDataFormat } from '@marsad/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class OpenDataDownloadQueryDto {
  /** csv (default), json or xlsx. */
  @IsOptional() @IsIn(OPEN_DATA_FORMATS) format?: OpenDataFormat;
}
