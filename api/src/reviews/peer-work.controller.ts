import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { PeerWorkItem, PeerWorkResponse } from './peer-work.response';
import { PeerWorkService } from './peer-work.service';

@ApiProblems()
@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class PeerWorkController {
  constructor(private readonly peerWork: PeerWorkService) {}

  @Get('assignments/:id/peer-work')
  @Access('authenticated')
  @ApiOkResponse({
    type: [PeerWorkItem],
    description: 'The caller’s current circle-mates’ work on the assignment whose latest released review passed (never the caller’s own, never the review). A trainee of the cohort (no circle: empty); others get 404.',
  })
  list(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<PeerWorkItem[]> {
    return this.peerWork.list(caller, id);
  }

  @Get('submissions/:id/peer')
  @Access('authenticated')
  @ApiOkResponse({
    type: PeerWorkResponse,
    description: 'A current circle-mate reads the passed version: text, files, peer comments (no review, no scores, no thread). The author, staff, other circles, work not yet passed and released: 404.',
  })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<PeerWorkResponse> {
    return this.peerWork.get(caller, id, ctx.locale);
  }
}
