import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Access } from '../access/access.decorator';

/**
 * For `npm run bench:gradebook` and the gradebook test only: with `BENCH_COUNT_QUERIES=1` every SQL statement the
 * api sends is counted, and `GET /api/bench/query-count` reads the count (callers diff it around one request).
 * Without the variable nothing is wrapped and the route does not exist.
 */
export const COUNT_QUERIES = process.env.BENCH_COUNT_QUERIES === '1';

let count = 0;
let installed = false;

export function installQueryCounter(): void {
  if (installed) return;
  installed = true;
  const original = PostgresQueryRunner.prototype.query;
  PostgresQueryRunner.prototype.query = function counted(this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
    count++;
    return original.apply(this, args);
  } as typeof original;
}

@ApiExcludeController()
@Controller('bench')
export class QueryCountController {
  @Get('query-count')
  @Access('public')
  queries(): { queries: number } {
    return { queries: count };
  }
}
