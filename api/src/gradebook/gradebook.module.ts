import { Module } from '@nestjs/common';
import { GradebookController, MyGradingController } from './gradebook.controller';
import { GradebookService } from './gradebook.service';
import { COUNT_QUERIES, QueryCountController, installQueryCounter } from './query-counter';

if (COUNT_QUERIES) installQueryCounter();

/** The grading queue, the cohort gradebook (JSON and streamed CSV) and a trainee's own row. */
@Module({
  controllers: COUNT_QUERIES ? [GradebookController, MyGradingController, QueryCountController] : [GradebookController, MyGradingController],
  providers: [GradebookService],
})
export class GradebookModule {}
