import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../access/access.decorator';
import { PageQuery } from '../common/pagination';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { CatalogPage, CourseResponse } from './catalog.response';
import { CatalogService } from './catalog.service';

@ApiProblems()
@ApiTags('courses')
@Controller('courses')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: CatalogPage, description: 'The public catalog, in the language of Accept-Language (falling back, and saying so).' })
  list(@Query() page: PageQuery, @Ctx() ctx: RequestContext): Promise<CatalogPage> {
    return this.catalog.list(page, ctx.locale);
  }

  @Get(':slug')
  @Access('public')
  @ApiOkResponse({ type: CourseResponse, description: 'The course’s current version: syllabus, completion rule, and the cohorts people can join.' })
  get(@Param('slug') slug: string, @Ctx() ctx: RequestContext): Promise<CourseResponse> {
    return this.catalog.get(slug, ctx.locale);
  }
}
