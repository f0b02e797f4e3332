import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CirclesController, CohortCirclesController, MyCirclesController } from './circles.controller';
import { CirclesService } from './circles.service';

@Module({
  imports: [AuditModule],
  controllers: [CohortCirclesController, CirclesController, MyCirclesController],
  providers: [CirclesService],
  exports: [CirclesService],
})
export class CirclesModule {}
