import { Body, Controller, Patch, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AdminUpdateUserDto } from './dto/admin-update-user.dto';
import { UserResponse } from './user.response';
import { UsersService } from './users.service';

@ApiProblems()
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Patch(':id')
  @Access('admin')
  @ApiOkResponse({ type: UserResponse, description: 'Grants or withdraws platform admin rights (not one’s own).' })
  update(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: AdminUpdateUserDto, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    return this.users.setAdmin(caller, id, dto.isAdmin, ctx);
  }
}
