import { Body, Controller, Get, HttpCode, Injectable, Param, Post, Put, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { NotFoundException } from '../common/domain.exception';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateCommentDto, SaveReviewDto } from './dto/review.dto';
import { CommentList, CommentResponse, ReviewResponse } from './review.response';
import { ReviewsService } from './reviews.service';

/** A version number in a path: a positive integer, else 404 like any unknown version. */
@Injectable()
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9][0-9]{0,5}$/.test(value)) throw new NotFoundException();
    return Number(value);
  }
}

const STAFF = 'Coaches of a circle the trainee is in, lead trainers of the cohort and admins; others get 404.';

@ApiProblems()
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('submissions/:id/versions/:n')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('review')
  @Access('authenticated')
  @ApiOkResponse({ type: ReviewResponse, description: `${STAFF} The trainee sees it once released (before: 404).` })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('n', VersionNumberPipe) n: number): Promise<ReviewResponse> {
    return this.reviews.get(caller, id, n);
  }

  @Put('review')
  @Access('authenticated')
  @ApiOkResponse({ type: ReviewResponse, description: `Saves the review (a draft until released; a released one stays released and must stay complete). Audited. ${STAFF}` })
  save(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('n', VersionNumberPipe) n: number, @Body() dto: SaveReviewDto, @Ctx() ctx: RequestContext): Promise<ReviewResponse> {
    return this.reviews.save(caller, id, n, dto, ctx);
  }

  @Post('review/release')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: ReviewResponse, description: `Releases the review: needs every criterion scored and a decision (422 \`review.incomplete\`); already released: 409. The submission becomes \`passed\` or \`returned\`, the trainee gets an email. ${STAFF}` })
  release(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('n', VersionNumberPipe) n: number, @Ctx() ctx: RequestContext): Promise<ReviewResponse> {
    return this.reviews.release(caller, id, n, ctx);
  }

  @Get('comments')
  @Access('authenticated')
  @ApiOkResponse({ type: CommentList, description: `The thread of the version, oldest first. The trainee and staff see all of it; a circle-mate only the peer comments of released, passed work (else 404).` })
  comments(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('n', VersionNumberPipe) n: number, @Ctx() ctx: RequestContext): Promise<CommentList> {
    return this.reviews.comments(caller, id, n, ctx.locale);
  }

  @Post('comments')
  @Access('authenticated')
  @ApiCreatedResponse({ type: CommentResponse, description: 'The trainee and staff write `thread` comments; a circle-mate writes `peer` comments on released, passed work only. Audited.' })
  comment(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('n', VersionNumberPipe) n: number, @Body() dto: CreateCommentDto, @Ctx() ctx: RequestContext): Promise<CommentResponse> {
    return this.reviews.comment(caller, id, n, dto, ctx);
  }
}
