import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AttendanceTimelineResponse } from './attendance-timeline';
import { StaffFilterQuery } from './partner-report.response';
import { PartnerSummaryService } from './partner-summary.service';

const SCOPE = 'Managers of the organization and admins; anyone else gets 404. Only staff who consent to share their progress; the staff-progress filters apply.';

@ApiProblems()
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations/:id')
export class PartnerSummaryController {
  constructor(private readonly summary: PartnerSummaryService) {}

  @Get('attendance-timeline')
  @Access('authenticated')
  @ApiOkResponse({ type: AttendanceTimelineResponse, description: `Sessions held and attended by the organization’s staff per ISO week (per month past 26 weeks). ${SCOPE}` })
  attendanceTimeline(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: StaffFilterQuery): Promise<AttendanceTimelineResponse> {
    return this.summary.attendanceTimeline(caller, id, query);
  }

  @Get('summary.pdf')
  @Access('authenticated')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: `A printable A4 summary in the caller’s language: completion funnel, seats and progress per cohort — figures only, no person named. ${SCOPE}`,
    schema: { type: 'string', format: 'binary' },
  })
  async summaryPdf(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: StaffFilterQuery, @Ctx() ctx: RequestContext): Promise<StreamableFile> {
    const { pdf, filename } = await this.summary.summaryPdf(caller, id, query, ctx.locale);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${filename}"`, length: pdf.length });
  }
}
