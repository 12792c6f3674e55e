import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Injectable,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Request } from 'express';
import { AppException } from '../errors/app-exception';

const ACCEPTS_FILE = 'marsad:acceptsFile';

/** A route that takes one uploaded file in the multipart field `file`, within the given limits. */
export function AcceptsFile(options: MulterOptions): MethodDecorator {
  return applyDecorators(SetMetadata(ACCEPTS_FILE, true), UseInterceptors(FileInterceptor('file', options)));
}

/** multipart/form-data only where a route takes a file: elsewhere 415, before anything is read. */
@Injectable()
export class MultipartRoutesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const type = String(request.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('multipart/') || this.reflector.get<boolean>(ACCEPTS_FILE, context.getHandler())) return true;
    throw new AppException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', {
      expected: 'application/json',
      received: 'multipart/form-data',
    });
  }
}
