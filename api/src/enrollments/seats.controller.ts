import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { NominationDto } from './dto/enrollment.dto';
import { EnrollmentResponse, OrganizationSeatsResponse } from './enrollment.response';
import { SeatsService } from './seats.service';

/** An organization's seats in cohorts; its managers and admins only (others 404). */
@ApiProblems()
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations/:id/seats')
export class SeatsController {
  constructor(private readonly seats: SeatsService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: [OrganizationSeatsResponse], description: 'Seats the organization holds, per cohort, with used/free and who fills them.' })
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<OrganizationSeatsResponse[]> {
    return this.seats.list(caller, id, ctx.locale);
  }

  @Post(':cohortId/nominations')
  @Access('authenticated')
  @ApiCreatedResponse({ type: EnrollmentResponse, description: 'Places a member of the organization in a free seat (→ active). 409 `seats.full`, `enrollment.exists`; 422 `notAMember`.' })
  nominate(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('cohortId', UuidParamPipe) cohortId: string,
    @Body() dto: NominationDto,
    @Ctx() ctx: RequestContext,
  ): Promise<EnrollmentResponse> {
    return this.seats.nominate(caller, id, cohortId, dto, ctx);
  }

  @Delete(':cohortId/nominations/:enrollmentId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({ description: 'The person is withdrawn and the seat is free again.' })
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('cohortId', UuidParamPipe) cohortId: string,
    @Param('enrollmentId', UuidParamPipe) enrollmentId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<void> {
    return this.seats.cancel(caller, id, cohortId, enrollmentId, ctx);
  }
}
