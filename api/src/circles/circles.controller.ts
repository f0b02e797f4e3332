import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AutoAssignResponse, CircleDetailResponse, CohortCirclesResponse, MyCirclesResponse } from './circle.response';
import { CirclesService } from './circles.service';
import { AddMembersDto, AutoAssignDto, CreateCircleDto, UpdateCircleDto } from './dto/circle.dto';

const LEAD_ONLY = 'Admins, or lead trainers of the circle’s cohort; others get 404.';

@ApiProblems()
@ApiTags('circles')
@ApiBearerAuth()
@Controller('cohorts/:id/circles')
export class CohortCirclesController {
  constructor(private readonly circles: CirclesService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({
    type: CohortCirclesResponse,
    description: `The circle board: circles with coaches and members, and active trainees without a circle. ${LEAD_ONLY}`,
  })
  board(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<CohortCirclesResponse> {
    return this.circles.board(caller, id, ctx.locale);
  }

  @Post()
  @Access('authenticated')
  @ApiCreatedResponse({
    type: CircleDetailResponse,
    description: `A new circle; coaches not yet on the cohort’s staff join it as coaches. ${LEAD_ONLY}`,
  })
  create(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CreateCircleDto, @Ctx() ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.circles.create(caller, id, dto, ctx);
  }

  @Post('auto-assign')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({
    type: AutoAssignResponse,
    description: `Puts every active trainee without a circle into one of \`circles\` circles (created as needed): sizes within one of each other, organizations or cities spread, existing members untouched, deterministic. ${LEAD_ONLY}`,
  })
  autoAssign(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AutoAssignDto, @Ctx() ctx: RequestContext): Promise<AutoAssignResponse> {
    return this.circles.autoAssign(caller, id, dto, ctx);
  }
}

@ApiProblems()
@ApiTags('circles')
@ApiBearerAuth()
@Controller('circles')
export class CirclesController {
  constructor(private readonly circles: CirclesService) {}

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({
    type: CircleDetailResponse,
    description:
      'Lead trainers, admins and the circle’s coaches see members with emails, organizations, attendance rates and past members; a current member gets the trainee view (names only). Everyone else: 404.',
  })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.circles.detail(caller, id, ctx.locale);
  }

  @Patch(':id')
  @Access('authenticated')
  @ApiOkResponse({
    type: CircleDetailResponse,
    description: `Rename, change the usual place or online. ${LEAD_ONLY}`,
  })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateCircleDto, @Ctx() ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.circles.update(caller, id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({
    description: `Only while none of its sessions has attendance (409 otherwise). ${LEAD_ONLY}`,
  })
  remove(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.circles.remove(caller, id, ctx);
  }

  @Put(':id/coaches/:userId')
  @Access('authenticated')
  @ApiOkResponse({
    type: CircleDetailResponse,
    description: `Makes an existing account a coach of the circle (and a coach of the cohort if not on its staff yet). ${LEAD_ONLY}`,
  })
  putCoach(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('userId', UuidParamPipe) userId: string,
    @Ctx() ctx: RequestContext
  ): Promise<CircleDetailResponse> {
    return this.circles.putCoach(caller, id, userId, ctx);
  }

  @Delete(':id/coaches/:userId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({
    description: `The person no longer coaches this circle (they stay on the cohort’s staff). ${LEAD_ONLY}`,
  })
  removeCoach(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('userId', UuidParamPipe) userId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.circles.removeCoach(caller, id, userId, ctx);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({
    type: CircleDetailResponse,
    description: `Adds active trainees of the cohort; people in another circle of the cohort are moved (their stay there is closed, not erased). 409 for anyone not active in this cohort. ${LEAD_ONLY}`,
  })
  addMembers(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AddMembersDto, @Ctx() ctx: RequestContext): Promise<CircleDetailResponse> {
    return this.circles.addMembers(caller, id, dto, ctx);
  }

  @Delete(':id/members/:enrollmentId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({
    description: `Ends the person’s stay in the circle (kept as history). ${LEAD_ONLY}`,
  })
  removeMember(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('enrollmentId', UuidParamPipe) enrollmentId: string,
    @Ctx() ctx: RequestContext
  ): Promise<void> {
    return this.circles.removeMember(caller, id, enrollmentId, ctx);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/circles')
export class MyCirclesController {
  constructor(private readonly circles: CirclesService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({
    type: MyCirclesResponse,
    description: 'Circles the caller coaches (with next session and member count) and the circle(s) they are a member of.',
  })
  list(@CurrentCaller() caller: Caller, @Ctx() ctx: RequestContext): Promise<MyCirclesResponse> {
    return this.circles.myCircles(caller, ctx.locale);
  }
}
