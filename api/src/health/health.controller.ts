import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { ApiProblems } from '../common/problem.response';
import { Access } from '../access/access.decorator';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { pingRedis } from './redis-probe';

/** A worker is down after this many heartbeat intervals without a beat. */
export const MISSED_HEARTBEATS = 3;

export class WorkerHealth {
  /** Up: some worker recorded a heartbeat within the last 3 × WORKER_HEARTBEAT_MS and has not stopped since. */
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  /** Seconds since the latest heartbeat of any worker; null when none was ever recorded (or PostgreSQL is down). */
  @ApiProperty({ type: 'integer', nullable: true }) lastSeenSeconds: number | null;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
  @ApiProperty({ type: WorkerHealth }) worker: WorkerHealth;
}

@ApiProblems()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `degraded` when anything is down. 503 only when the api itself cannot serve (PostgreSQL or Redis down): with the
   * worker down the api still takes requests and the outbox keeps their emails until a worker is back, so a load
   * balancer must not take the api out of rotation for it (200, `degraded`, `worker.status: 'down'` for monitoring).
   */
  @Get()
  @Access('public')
  @ApiOkResponse({ type: HealthResponse })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const [database, redis, worker] = await Promise.all([
      this.dataSource.query('SELECT 1').then(() => 'up' as const, () => 'down' as const),
      pingRedis(this.config.REDIS_URL).then((up) => (up ? ('up' as const) : ('down' as const))),
      this.worker(),
    ]);
    const status = database === 'up' && redis === 'up' && worker.status === 'up' ? 'ok' : 'degraded';
    if (database === 'down' || redis === 'down') void reply.status(503);
    return { status, database, redis, worker };
  }

  private async worker(): Promise<WorkerHealth> {
    try {
      const [row] = await this.dataSource.query<Array<{ last_seen_seconds: number | null; up: boolean | null }>>(
        `SELECT floor(extract(epoch FROM now() - max(last_seen_at)))::int AS last_seen_seconds,
                bool_or(stopped_at IS NULL AND last_seen_at > now() - $1::int * interval '1 millisecond') AS up
           FROM worker_heartbeats`,
        [MISSED_HEARTBEATS * this.config.WORKER_HEARTBEAT_MS],
      );
      return { status: row?.up ? 'up' : 'down', lastSeenSeconds: row?.last_seen_seconds ?? null };
    } catch {
      return { status: 'down', lastSeenSeconds: null };
    }
  }
}
