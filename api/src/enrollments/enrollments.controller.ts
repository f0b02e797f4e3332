import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { PageQuery } from '../common/pagination';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CohortEnrollmentsService } from './cohort-enrollments.service';
import { DecisionDto, JoinCohortDto, RosterQuery, UpdateMyEnrollmentDto, WithdrawEnrollmentDto } from './dto/enrollment.dto';
import { DecisionResultResponse, EnrollmentResponse, MyEnrollmentPage, RosterPage } from './enrollment.response';
import { EnrollmentsService } from './enrollments.service';

@ApiProblems()
@ApiTags('enrollments')
@ApiBearerAuth()
@Controller('cohorts/:id')
export class CohortEnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly cohortEnrollments: CohortEnrollmentsService,
  ) {}

  @Post('enrollments')
  @Access('authenticated')
  @ApiCreatedResponse({
    type: EnrollmentResponse,
    description:
      'Joins by the cohort’s mode: open → active (waitlisted when full); application → applied (`answers`); invite → `inviteCode` required, then as open. 409 `cohort.not_accepting`, `enrollment.exists`, `enrollment.rejected`; drafts 404 to non-staff.',
  })
  join(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: JoinCohortDto, @Ctx() ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.enrollments.join(caller, id, dto, ctx);
  }

  @Get('enrollments')
  @Access('authenticated')
  @ApiOkResponse({ type: RosterPage, description: 'The roster, earliest first. Lead trainers and coaches of the cohort, and admins; others 404.' })
  roster(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: RosterQuery, @Ctx() ctx: RequestContext): Promise<RosterPage> {
    return this.cohortEnrollments.roster(caller, id, query, ctx.locale);
  }

  @Post('decisions')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: DecisionResultResponse, description: 'Accepts or rejects applications (lead trainers, admins; others 404).' })
  decide(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: DecisionDto, @Ctx() ctx: RequestContext): Promise<DecisionResultResponse> {
    return this.cohortEnrollments.decide(caller, id, dto, ctx);
  }

  @Post('enrollments/:enrollmentId/withdraw')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: EnrollmentResponse, description: 'Withdraws someone (lead trainers, admins; others 404); the first waitlisted person takes a freed place. 409 `enrollment.not_withdrawable`.' })
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('enrollmentId', UuidParamPipe) enrollmentId: string,
    @Body() dto: WithdrawEnrollmentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentResponse> {
    return this.cohortEnrollments.withdraw(caller, id, enrollmentId, dto, ctx);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/enrollments')
export class MyEnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: MyEnrollmentPage, description: 'The caller’s enrollments and applications, newest first, each with its cohort.' })
  list(@CurrentCaller() caller: Caller, @Query() page: PageQuery, @Ctx() ctx: RequestContext): Promise<MyEnrollmentPage> {
    return this.enrollments.mine(caller, page, ctx.locale);
  }

  @Patch(':enrollmentId')
  @Access('authenticated')
  @ApiOkResponse({ type: EnrollmentResponse, description: 'Consent to share progress; `status: withdrawn` leaves the cohort. Someone else’s enrollment: 404.' })
  update(@CurrentCaller() caller: Caller, @Param('enrollmentId', UuidParamPipe) enrollmentId: string, @Body() dto: UpdateMyEnrollmentDto, @Ctx() ctx: RequestContext): Promise<EnrollmentResponse> {
    return this.enrollments.updateMine(caller, enrollmentId, dto, ctx);
  }
}
