import { Injectable, PipeTransform } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID names nothing: answer 404 for it, as for an unknown one. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw AppException.notFound(this.entity, value);
    return value;
  }
}
