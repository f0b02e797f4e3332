import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AttendanceService } from './attendance.service';
import { AttendanceMarksDto, CancelSessionDto, CreateSessionDto, MyAttendanceQuery, SessionRangeQuery, UpdateSessionDto } from './dto/session.dto';
import { AttendanceRosterResponse, CreatedSessionsResponse, MyAttendanceResponse, SessionPage, SessionResponse, UpdatedSessionsResponse } from './session.response';
import { SessionsService } from './sessions.service';

const COACHES = 'Coaches of the circle, lead trainers of its cohort and admins; others get 404.';
const VIEWERS = 'Also its current members (trainees); others get 404.';

@ApiProblems()
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('circles/:id/sessions')
export class CircleSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Access('authenticated')
  @ApiCreatedResponse({ type: CreatedSessionsResponse, description: `One session, or a series (\`repeat\` + \`occurrences\`) in wall-clock time in the cohort’s zone. ${COACHES}` })
  create(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CreateSessionDto, @Ctx() ctx: RequestContext): Promise<CreatedSessionsResponse> {
    return this.sessions.create(caller, id, dto, ctx);
  }

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: SessionPage, description: `Sessions of the circle by start, cancelled ones included. ${COACHES} ${VIEWERS}` })
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: SessionRangeQuery, @Ctx() ctx: RequestContext): Promise<SessionPage> {
    return this.sessions.listForCircle(caller, id, query, ctx.locale);
  }
}

@ApiProblems()
@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: SessionResponse, description: `${COACHES} ${VIEWERS}` })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<SessionResponse> {
    return this.sessions.get(caller, id, ctx.locale);
  }

  @Patch(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: UpdatedSessionsResponse, description: `Edits this session, or this and the later ones of its series (\`scope: following\`); each changed one gets a new sequence. Cancelled: 409. ${COACHES}` })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateSessionDto, @Ctx() ctx: RequestContext): Promise<UpdatedSessionsResponse> {
    return this.sessions.update(caller, id, dto, ctx);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: UpdatedSessionsResponse, description: `Cancels (keeps) this session or this and the later ones of its series; already cancelled: 409. ${COACHES}` })
  cancel(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CancelSessionDto, @Ctx() ctx: RequestContext): Promise<UpdatedSessionsResponse> {
    return this.sessions.cancel(caller, id, dto, ctx);
  }

  @Get(':id/attendance')
  @Access('authenticated')
  @ApiOkResponse({ type: AttendanceRosterResponse, description: `Members at the session’s start or now, with their marks. ${COACHES}` })
  roster(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<AttendanceRosterResponse> {
    return this.attendance.roster(caller, id, ctx.locale);
  }

  @Put(':id/attendance')
  @Access('authenticated')
  @ApiOkResponse({ type: AttendanceRosterResponse, description: `Sets marks (upsert); only members at the session’s start or now (422 naming the row); cancelled session: 409. Audited. ${COACHES}` })
  mark(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AttendanceMarksDto, @Ctx() ctx: RequestContext): Promise<AttendanceRosterResponse> {
    return this.attendance.mark(caller, id, dto, ctx);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MySessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Get('sessions')
  @Access('authenticated')
  @ApiOkResponse({ type: SessionPage, description: 'Sessions of the circles the caller coaches or is a current member of, by start.' })
  sessionsOf(@CurrentCaller() caller: Caller, @Query() query: SessionRangeQuery, @Ctx() ctx: RequestContext): Promise<SessionPage> {
    return this.sessions.mine(caller, query, ctx.locale);
  }

  @Get('attendance')
  @Access('authenticated')
  @ApiOkResponse({ type: MyAttendanceResponse, description: 'The caller’s own attendance: sessions held while they were a member, with their mark or null.' })
  attendanceOf(@CurrentCaller() caller: Caller, @Query() query: MyAttendanceQuery, @Ctx() ctx: RequestContext): Promise<MyAttendanceResponse> {
    return this.attendance.mine(caller, query, ctx.locale);
  }
}
