import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OutboxModule } from '../outbox/outbox.module';
import { CohortsController, MyCohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';

@Module({ imports: [AuditModule, OutboxModule], controllers: [CohortsController, MyCohortsController], providers: [CohortsService], exports: [CohortsService] })
export class CohortsModule {}
