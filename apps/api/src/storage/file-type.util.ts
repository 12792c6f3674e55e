import { fromBuffer } from 'file-type';

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
