import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { StampedCache } from './stamped-cache';

const READS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * A write handled here clears the read caches, before (so what the write itself reads back after
 * committing is fresh) and after (so nothing read meanwhile outlives it): its author never reads what
 * was there before.
 */
@Injectable()
export class CacheInvalidationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method: string = context.switchToHttp().getRequest().method;
    if (READS.includes(method)) return next.handle();
    StampedCache.invalidateAll();
    return next.handle().pipe(
      tap({
        next: () => StampedCache.invalidateAll(),
        error: () => StampedCache.invalidateAll(),
      }),
    );
  }
}
