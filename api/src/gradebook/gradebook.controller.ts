import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CsvQuery, GradebookPage, GradebookQuery, MyGradebook, MyGradebookQuery, QueuePage, QueueQuery } from './gradebook.response';
import { GradebookService } from './gradebook.service';

const SCOPE = 'Lead trainers of the cohort and admins: every trainee; a coach: the trainees of the circles they coach; others get 404.';

@ApiProblems()
@ApiTags('gradebook')
@ApiBearerAuth()
@Controller('cohorts/:id')
export class GradebookController {
  constructor(private readonly gradebook: GradebookService) {}

  @Get('gradebook')
  @Access('authenticated')
  @ApiOkResponse({ type: GradebookPage, description: `Rows = trainees (by name), columns = assignments in course order; a cell per assignment. ${SCOPE}` })
  page(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: GradebookQuery, @Ctx() ctx: RequestContext): Promise<GradebookPage> {
    return this.gradebook.gradebook(caller, id, query, ctx.locale);
  }

  @Get('gradebook.csv')
  @Access('authenticated')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="gradebook.csv"')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: `The gradebook as CSV, streamed: UTF-8 with BOM, a header row in the caller’s language, same filters. ${SCOPE}`, schema: { type: 'string' } })
  async csv(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: CsvQuery, @Ctx() ctx: RequestContext): Promise<StreamableFile> {
    return new StreamableFile(await this.gradebook.csv(caller, id, query, ctx.locale));
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MyGradingController {
  constructor(private readonly gradebook: GradebookService) {}

  @Get('grading-queue')
  @Access('authenticated')
  @ApiOkResponse({ type: QueuePage, description: 'Submitted work waiting for a released review, oldest first, for the circles the caller coaches and the cohorts they lead.' })
  queue(@CurrentCaller() caller: Caller, @Query() query: QueueQuery, @Ctx() ctx: RequestContext): Promise<QueuePage> {
    return this.gradebook.queue(caller, query, ctx.locale);
  }

  @Get('gradebook')
  @Access('authenticated')
  @ApiOkResponse({ type: MyGradebook, description: 'The caller’s own row of a cohort’s gradebook (active or completed enrollment; else 404).' })
  mine(@CurrentCaller() caller: Caller, @Query() query: MyGradebookQuery, @Ctx() ctx: RequestContext): Promise<MyGradebook> {
    return this.gradebook.mine(caller, query.cohortId, ctx.locale);
  }
}
