import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { PageQuery } from '../common/pagination';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CohortsService } from './cohorts.service';
import { CohortResponse, CohortStaffResponse, CreatedInviteCodeResponse, InviteCodeResponse, MyCohortPage, SeatAllocationResponse } from './cohort.response';
import { AddStaffDto, CreateInviteCodeDto, SeatAllocationDto } from './dto/cohort-staff.dto';
import { CohortStatusDto, CreateCohortDto, UpdateCohortDto } from './dto/cohort.dto';

const LEAD_ONLY = 'Admins, or lead trainers of this cohort; others get 404.';

@ApiProblems()
@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get(':id')
  @Access('public')
  @ApiOkResponse({ type: CohortResponse, description: 'Drafts only to their staff and admins (404 to others). A bearer token adds the caller’s `viewer` fields.' })
  get(@CurrentCaller() caller: Caller | undefined, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<CohortResponse> {
    return this.cohorts.get(caller, id, ctx.locale);
  }

  @Post()
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CohortResponse, description: 'A draft pinning the course’s current version. Admins and trainers (lead trainers of some cohort); others get 404.' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateCohortDto, @Ctx() ctx: RequestContext): Promise<CohortResponse> {
    return this.cohorts.create(caller, dto, ctx);
  }

  @Patch(':id')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CohortResponse, description: LEAD_ONLY })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateCohortDto, @Ctx() ctx: RequestContext): Promise<CohortResponse> {
    return this.cohorts.update(caller, id, dto, ctx);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CohortResponse, description: `draft → open → running → completed, and open → draft while nobody is in it. ${LEAD_ONLY}` })
  changeStatus(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CohortStatusDto, @Ctx() ctx: RequestContext): Promise<CohortResponse> {
    return this.cohorts.changeStatus(caller, id, dto, ctx);
  }

  @Get(':id/staff')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [CohortStaffResponse], description: 'Admins and the cohort’s staff (coaches too); others get 404.' })
  staff(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<CohortStaffResponse[]> {
    return this.cohorts.staff(caller, id);
  }

  @Post(':id/staff')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CohortStaffResponse, description: `Adds an existing account, or changes their role. ${LEAD_ONLY}` })
  addStaff(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AddStaffDto, @Ctx() ctx: RequestContext): Promise<CohortStaffResponse> {
    return this.cohorts.addStaff(caller, id, dto, ctx);
  }

  @Delete(':id/staff/:userId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: `The person is no longer on the staff; the last lead trainer cannot be removed (409). ${LEAD_ONLY}` })
  removeStaff(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('userId', UuidParamPipe) userId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.cohorts.removeStaff(caller, id, userId, ctx);
  }

  @Get(':id/seats')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [SeatAllocationResponse], description: LEAD_ONLY })
  seats(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<SeatAllocationResponse[]> {
    return this.cohorts.seats(caller, id, ctx.locale);
  }

  @Put(':id/seats/:organizationId')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [SeatAllocationResponse], description: `Sets the seats an organization holds; answers every allocation. ${LEAD_ONLY}` })
  setSeats(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('organizationId', UuidParamPipe) organizationId: string,
    @Body() dto: SeatAllocationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<SeatAllocationResponse[]> {
    return this.cohorts.setSeats(caller, id, organizationId, dto, ctx);
  }

  @Delete(':id/seats/:organizationId')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [SeatAllocationResponse], description: `Releases an organization’s seats (the waitlist moves up); answers the remaining allocations. ${LEAD_ONLY}` })
  removeSeats(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('organizationId', UuidParamPipe) organizationId: string, @Ctx() ctx: RequestContext): Promise<SeatAllocationResponse[]> {
    return this.cohorts.removeSeats(caller, id, organizationId, ctx);
  }

  @Get(':id/invite-codes')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [InviteCodeResponse], description: `Codes are never shown again after creation. ${LEAD_ONLY}` })
  inviteCodes(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<InviteCodeResponse[]> {
    return this.cohorts.inviteCodes(caller, id);
  }

  @Post(':id/invite-codes')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CreatedInviteCodeResponse, description: `The code is in this answer only. ${LEAD_ONLY}` })
  createInviteCode(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CreateInviteCodeDto, @Ctx() ctx: RequestContext): Promise<CreatedInviteCodeResponse> {
    return this.cohorts.createInviteCode(caller, id, dto, ctx);
  }

  @Delete(':id/invite-codes/:codeId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: `The code admits nobody any more. ${LEAD_ONLY}` })
  revokeInviteCode(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('codeId', UuidParamPipe) codeId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.cohorts.revokeInviteCode(caller, id, codeId, ctx);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/cohorts')
export class MyCohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: MyCohortPage, description: 'Cohorts the caller is on the staff of (admins: every cohort), with their counts.' })
  list(@CurrentCaller() caller: Caller, @Query() page: PageQuery, @Ctx() ctx: RequestContext): Promise<MyCohortPage> {
    return this.cohorts.myCohorts(caller, page, ctx.locale);
  }
}
