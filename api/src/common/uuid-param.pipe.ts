import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { NotFoundException } from './domain.exception';

/** A path id that is not a UUID names nothing: 404, like any other unknown id (and never a database error). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new NotFoundException();
    return value.toLowerCase();
  }
}
