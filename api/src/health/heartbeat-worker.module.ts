import { Module } from '@nestjs/common';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/** The worker's side of health: it records that it is alive (GET /api/health reads it). */
@Module({ providers: [WorkerHeartbeatService] })
export class HeartbeatWorkerModule {}
