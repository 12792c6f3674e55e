import { fromBuffer } from 'file-type';

/**
 * The content type of a file judged from its bytes, never from its name or the
 * browser's claim. Returns null when the bytes match no known type.
 */
export async function sniffContentType(bytes: Buffer): Promise<string | null> {
  const detected = await fromBuffer(bytes);
  return detected?.mime ?? null;
}
