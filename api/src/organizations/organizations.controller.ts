import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { PageQuery } from '../common/pagination';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { UpdateMemberDto } from './dto/member.dto';
import { CreateOrganizationDto, OrganizationQuery, UpdateOrganizationDto } from './dto/organization.dto';
import { MemberPage, MemberResponse, OrganizationPage, OrganizationResponse } from './organization.response';
import { OrganizationsService } from './organizations.service';

@ApiProblems()
@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Access('public')
  @ApiOkResponse({ type: OrganizationPage, description: 'The public directory.' })
  list(@Query() query: OrganizationQuery, @Ctx() ctx: RequestContext): Promise<OrganizationPage> {
    return this.organizations.list(query, ctx.locale);
  }

  @Get(':id')
  @Access('public')
  @ApiOkResponse({ type: OrganizationResponse })
  get(@Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<OrganizationResponse> {
    return this.organizations.get(id, ctx.locale);
  }

  @Post()
  @Access('admin')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: OrganizationResponse })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateOrganizationDto, @Ctx() ctx: RequestContext): Promise<OrganizationResponse> {
    return this.organizations.create(caller, dto, ctx);
  }

  @Patch(':id')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: OrganizationResponse, description: 'Admins, or managers of this organization; others get 404.' })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateOrganizationDto, @Ctx() ctx: RequestContext): Promise<OrganizationResponse> {
    return this.organizations.update(caller, id, dto, ctx);
  }

  @Get(':id/members')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MemberPage, description: 'Admins, or managers of this organization; others get 404.' })
  members(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Query() page: PageQuery): Promise<MemberPage> {
    return this.organizations.members(caller, id, page);
  }

  @Patch(':id/members/:userId')
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MemberResponse })
  changeRole(
    @CurrentCaller() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('userId', UuidParamPipe) userId: string,
    @Body() dto: UpdateMemberDto,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberResponse> {
    return this.organizations.changeRole(caller, id, userId, dto, ctx);
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The person is no longer a member.' })
  removeMember(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('userId', UuidParamPipe) userId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.organizations.removeMember(caller, id, userId, ctx);
  }
}
