import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { AuthResponse } from '../users/user.response';
import { AcceptInvitationDto, CreateInvitationDto, InvitationCreatedResponse, InvitationResponse } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiProblems()
@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: InvitationCreatedResponse, description: 'Admins: anyone, any organization. Managers: staff of their organization (others 404). Emails a 7-day link.' })
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateInvitationDto, @Ctx() ctx: RequestContext): Promise<InvitationCreatedResponse> {
    return this.invitations.create(caller, dto, ctx);
  }

  @Get(':token')
  @Access('public')
  @ApiOkResponse({ type: InvitationResponse, description: '404 when unknown, used or expired.' })
  show(@Param('token') token: string, @Ctx() ctx: RequestContext): Promise<InvitationResponse> {
    return this.invitations.show(token, ctx.locale);
  }

  @Post(':token/accept')
  @Access('public')
  @ApiCreatedResponse({ type: AuthResponse, description: 'Account created (or, for an existing account, its password checked), membership added, signed in.' })
  accept(@Param('token') token: string, @Body() dto: AcceptInvitationDto, @Ctx() ctx: RequestContext): Promise<AuthResponse> {
    return this.invitations.accept(token, dto, ctx);
  }
}
