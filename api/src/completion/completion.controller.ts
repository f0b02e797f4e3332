import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CohortCompletion, CompletionQuery, CompletionRuleResponse, EnrollmentProgress } from './completion.response';
import { CompletionService } from './completion.service';
import { CompletionRuleDto, FinalReviewDto } from './dto/completion.dto';

const SCOPE = 'Lead trainers of the cohort and admins: every trainee; a coach: the trainees of the circles they coach; others get 404.';
const MANAGE = 'Lead trainers of the cohort and admins; others get 404.';

@ApiProblems()
@ApiTags('completion')
@ApiBearerAuth()
@Controller('cohorts/:id')
export class CohortCompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Get('completion')
  @Access('authenticated')
  @ApiOkResponse({ type: CohortCompletion, description: `The rule, the certificate settings, the latest batch, counts and every trainee’s progress computed now (by name). ${SCOPE}` })
  cohort(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: CompletionQuery, @Ctx() ctx: RequestContext): Promise<CohortCompletion> {
    return this.completion.cohort(caller, id, query, ctx.locale);
  }

  @Put('completion-rule')
  @Access('authenticated')
  @ApiOkResponse({ type: CompletionRuleResponse, description: `Replaces the cohort’s completion rule; an exercise key that is not one of the cohort’s: 422. Audited. ${MANAGE}` })
  rule(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CompletionRuleDto, @Ctx() ctx: RequestContext): Promise<CompletionRuleResponse> {
    return this.completion.updateRule(caller, id, dto, ctx);
  }
}

@ApiProblems()
@ApiTags('completion')
@ApiBearerAuth()
@Controller('enrollments/:id')
export class EnrollmentProgressController {
  constructor(private readonly completion: CompletionService) {}

  @Get('progress')
  @Access('authenticated')
  @ApiOkResponse({ type: EnrollmentProgress, description: `One trainee’s progress with every assignment’s status: the trainee themself, and staff as follows. ${SCOPE}` })
  progress(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<EnrollmentProgress> {
    return this.completion.enrollment(caller, id, ctx.locale);
  }

  @Put('final-review')
  @Access('authenticated')
  @ApiOkResponse({ type: EnrollmentProgress, description: `Records (or replaces) the trainer’s final review of an active or completed trainee; answers their progress. Audited. ${MANAGE}` })
  finalReview(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: FinalReviewDto, @Ctx() ctx: RequestContext): Promise<EnrollmentProgress> {
    return this.completion.recordFinalReview(caller, id, dto, ctx);
  }
}
