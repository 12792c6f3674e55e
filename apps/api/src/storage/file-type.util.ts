import { HttpStatus } from '@nestjs/common';
import { fromBuffer } from 'file-type';
import { AppException } from '../common/errors/app-exception';

/**
 * The content type of a file judged from its bytes, never from its name or the
 * browser's claim. Returns null when the bytes match no known type.
 */
export async function sniffContentType(bytes: Buffer): Promise<string | null> {
  const detected = await fromBuffer(bytes);
  return detected?.mime ?? null;
}

/** Multer reads multipart file names as latin1; browsers send UTF-8 (Arabic names would be mangled). */
export function decodeFileName(name: string): string {
  return Buffer.from(name, 'latin1').toString('utf8');
}

/** A file as multer hands it over (in memory, within the route's size limit). */
export interface FileUpload {
  buffer: Buffer;
  originalname: string;
}

/**
 * An uploaded document checked before it is kept: present (400 on `file`), within `maxBytes` (413),
 * and of an allowed type judged from its bytes (415 naming what was found).
 */
export async function checkedDocument(
  file: FileUpload | undefined,
  allowed: readonly string[],
  maxBytes: number,
): Promise<{ buffer: Buffer; contentType: string; fileName: string }> {
  if (!file) throw AppException.validation([{ field: 'file', rule: 'isDefined' }]);
  if (file.buffer.length > maxBytes) {
    throw new AppException(HttpStatus.PAYLOAD_TOO_LARGE, 'PAYLOAD_TOO_LARGE', {
      limit: `${Math.round(maxBytes / 1024 / 1024)} MB`,
    });
  }
  const contentType = await sniffContentType(file.buffer);
  if (!contentType || !allowed.includes(contentType)) {
    throw new AppException(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'UNSUPPORTED_FILE_TYPE',
      { detected: contentType ?? 'unknown' },
      [{ field: 'file', rule: 'fileType' }],
    );
  }
  return { buffer: file.buffer, contentType, fileName: decodeFileName(file.originalname) };
}
