import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { StaffFilterQuery, StaffProgressPage, StaffProgressQuery } from './partner-report.response';
import { PartnerReportsService } from './partner-reports.service';

const SCOPE = 'Managers of the organization and admins; anyone else gets 404. Only staff who consent to share their progress; progress figures only.';

@ApiProblems()
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations/:id')
export class PartnerReportsController {
  constructor(private readonly reports: PartnerReportsService) {}

  @Get('staff-progress')
  @Access('authenticated')
  @ApiOkResponse({ type: StaffProgressPage, description: `The organization’s staff enrollments with attendance, assignments passed and certificate, by name; a summary (completion funnel, seats per cohort, how many staff are hidden for lack of consent). ${SCOPE}` })
  staffProgress(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: StaffProgressQuery, @Ctx() ctx: RequestContext): Promise<StaffProgressPage> {
    return this.reports.staffProgress(caller, id, query, ctx.locale);
  }

  @Get('completion.csv')
  @Access('authenticated')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="completion.csv"')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: `The staff progress rows as CSV, streamed: UTF-8 with BOM, a header row in the caller’s language, same filters. ${SCOPE}`, schema: { type: 'string' } })
  async csv(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() query: StaffFilterQuery, @Ctx() ctx: RequestContext): Promise<StreamableFile> {
    return new StreamableFile(await this.reports.csv(caller, id, query, ctx.locale));
  }
}
