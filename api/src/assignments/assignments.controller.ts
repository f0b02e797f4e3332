import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AssignmentList, AssignmentResponse, ExtensionListItem, ExtensionResponse, InstantiateResponse } from './assignment.response';
import { AssignmentsService } from './assignments.service';
import { ExtensionDto, UpdateAssignmentDto } from './dto/assignment.dto';

const LEADS = 'Lead trainers of the cohort and admins; others get 404.';
const MEMBERS = 'Any staff of the cohort, admins, and its trainees (active or completed); others get 404.';

@ApiProblems()
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('cohorts/:id/assignments')
export class CohortAssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('instantiate')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: InstantiateResponse, description: `Creates the assignments of every exercise of the pinned course version that has none yet (idempotent). ${LEADS}` })
  instantiate(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<InstantiateResponse> {
    return this.assignments.instantiate(caller, id, ctx);
  }

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: AssignmentList, description: `In course order; a trainee sees their own status, effective due date and late flag. ${MEMBERS}` })
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<AssignmentList> {
    return this.assignments.list(caller, id, ctx.locale);
  }
}

@ApiProblems()
@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: AssignmentResponse, description: MEMBERS })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<AssignmentResponse> {
    return this.assignments.get(caller, id, ctx.locale);
  }

  @Patch(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: AssignmentResponse, description: `Due date, late policy, submission kind, pass mark (≤ rubric maximum). Audited. ${LEADS}` })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateAssignmentDto, @Ctx() ctx: RequestContext): Promise<AssignmentResponse> {
    return this.assignments.update(caller, id, dto, ctx);
  }

  @Get(':id/extensions')
  @Access('authenticated')
  @ApiOkResponse({ type: [ExtensionListItem], description: `The trainees’ own due dates on this assignment, by name. ${LEADS}` })
  listExtensions(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<ExtensionListItem[]> {
    return this.assignments.listExtensions(caller, id);
  }

  @Put(':id/extensions/:enrollmentId')
  @Access('authenticated')
  @ApiOkResponse({ type: ExtensionResponse, description: `Sets one trainee’s own due date (the enrollment must be of the cohort, else 404). Audited. ${LEADS}` })
  putExtension(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('enrollmentId', UuidParamPipe) enrollmentId: string,
    @Body() dto: ExtensionDto,
    @Ctx() ctx: RequestContext,
  ): Promise<ExtensionResponse> {
    return this.assignments.putExtension(caller, id, enrollmentId, dto, ctx);
  }

  @Delete(':id/extensions/:enrollmentId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({ description: `Removes an extension (none: 404). Audited. ${LEADS}` })
  deleteExtension(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('enrollmentId', UuidParamPipe) enrollmentId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.assignments.deleteExtension(caller, id, enrollmentId, ctx);
  }
}
