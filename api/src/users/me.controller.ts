import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { UpdateMeDto } from './dto/update-me.dto';
import { UserResponse } from './user.response';
import { UsersService } from './users.service';

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentCaller() caller: Caller): Promise<UserResponse> {
    return this.users.me(caller);
  }

  @Patch()
  @Access('authenticated')
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentCaller() caller: Caller, @Body() dto: UpdateMeDto, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    return this.users.updateMe(caller, dto, ctx);
  }
}
