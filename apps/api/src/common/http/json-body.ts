import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * A JSON answer serialised and compressed once, for a view many people read unchanged (kept in a
 * StampedCache): each request then only picks the encoding it accepts. It answers like the rest of
 * the API: a weak ETag (304 on a match), `Vary: Accept-Encoding`, Brotli or gzip when accepted (the
 * compression middleware leaves an encoded answer alone), and the Cache-Control already set.
 */
export class JsonBody<T> {
  private readonly raw: Buffer;
  private readonly etag: string;
  private gzip?: Buffer;
  private brotli?: Buffer;

  private constructor(readonly value: T) {
    this.raw = Buffer.from(JSON.stringify(value));
    this.etag = `W/"${this.raw.length.toString(16)}-${createHash('sha1').update(this.raw).digest('base64url').slice(0, 27)}"`;
  }

  static of<T>(value: T): JsonBody<T> {
    return new JsonBody(value);
  }

  send(request: Request, response: Response): void {
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.vary('Accept-Encoding');
    response.setHeader('ETag', this.etag);
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    const encoding = this.raw.length > 1024 ? request.acceptsEncodings('br', 'gzip') : false;
    if (encoding === 'br') {
      this.brotli ??= brotliCompressSync(this.raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      response.setHeader('Content-Encoding', 'br');
      response.end(this.brotli);
    } else if (encoding === 'gzip') {
      this.gzip ??= gzipSync(this.raw);
      response.setHeader('Content-Encoding', 'gzip');
      response.end(this.gzip);
    } else {
      response.end(this.raw);
    }
  }
}
