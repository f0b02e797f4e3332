import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CalendarService } from './calendar.service';

export class CalendarFeedUrlResponse {
  @ApiProperty({ example: 'https://halaqa.example/api/calendar/AbC…xyz.ics', description: 'Secret: anyone with it can read the feed. Rotate to retire it.' }) url: string;
}

const ICS = { 'text/calendar': { schema: { type: 'string' } } };

@ApiProblems()
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':token.ics')
  @Access('public')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The feed of the token’s owner: sessions of their circles from 60 days ago on. Unknown, forged or rotated token: 404.', content: ICS })
  feed(@Param('token') token: string): Promise<string> {
    return this.calendar.ics(token);
  }
}

@ApiProblems()
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('sessions')
export class SessionCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':id.ics')
  @Access('authenticated')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="halaqa-session.ics"')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'One session as iCalendar, for anyone who may see it (its circle’s coaches, members, lead trainers, admins); others get 404.', content: ICS })
  ics(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    return this.calendar.sessionIcs(caller, id, ctx.locale);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: CalendarFeedUrlResponse, description: 'The caller’s secret feed URL (made on the first call; the same until rotated).' })
  get(@CurrentCaller() caller: Caller): Promise<CalendarFeedUrlResponse> {
    return this.calendar.feed(caller);
  }

  @Post('rotate')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: CalendarFeedUrlResponse, description: 'A new URL; the old one answers 404 from now on.' })
  rotate(@CurrentCaller() caller: Caller, @Ctx() ctx: RequestContext): Promise<CalendarFeedUrlResponse> {
    return this.calendar.rotate(caller, ctx);
  }
}
