import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.response';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { Ctx, type RequestContext } from '../common/request-context';
import { AuthResponse } from '../users/user.response';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto, RegisterDto } from './dto/auth.dto';

@ApiProblems()
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Access('public')
  @ApiCreatedResponse({ type: AuthResponse, description: 'Signed in; a welcome email is on its way.' })
  register(@Body() dto: RegisterDto, @Ctx() ctx: RequestContext): Promise<AuthResponse> {
    return this.auth.register(dto, ctx);
  }

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOkResponse({ type: AuthResponse })
  login(@Body() dto: LoginDto, @Ctx() ctx: RequestContext): Promise<AuthResponse> {
    return this.auth.login(dto, ctx);
  }

  @Post('logout')
  @HttpCode(204)
  @Access('authenticated')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The session is gone.' })
  logout(@CurrentCaller() caller: Caller): Promise<void> {
    return this.auth.logout(caller);
  }

  @Post('password-reset')
  @HttpCode(202)
  @Access('public')
  @ApiAcceptedResponse({ description: 'Always 202: if the account exists, a link valid for one hour is emailed.' })
  requestReset(@Body() dto: PasswordResetRequestDto, @Ctx() ctx: RequestContext): Promise<void> {
    return this.auth.requestPasswordReset(dto, ctx);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Access('public')
  @ApiNoContentResponse({ description: 'Password set; every session of the account has ended.' })
  confirmReset(@Body() dto: PasswordResetConfirmDto, @Ctx() ctx: RequestContext): Promise<void> {
    return this.auth.confirmPasswordReset(dto, ctx);
  }
}

@ApiProblems()
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/password')
export class PasswordController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({ description: 'Password changed; the caller’s other sessions have ended.' })
  change(@CurrentCaller() caller: Caller, @Body() dto: ChangePasswordDto, @Ctx() ctx: RequestContext): Promise<void> {
    return this.auth.changePassword(caller, dto, ctx);
  }
}
