import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { SessionService } from '../auth/session.service';
import { NotFoundException, UnauthenticatedException } from '../common/domain.exception';
import { ACCESS_RULE, type AccessRule, type Caller } from './access.decorator';

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '');
  return match ? match[1] : null;
}

/**
 * The one gate every request passes: reads the handler's `@Access` rule, resolves the bearer token to a caller
 * (`request.caller`) and refuses what the rule does not allow. Signed out: 401. Signed in without the role: 404, so
 * admin routes cannot be told apart from missing ones. A handler without a rule is a programming error: it is
 * refused (404) and logged, and the access test fails on it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Access rule; refusing ${request.method} ${request.url}`);
      throw new NotFoundException();
    }
    const token = bearerToken(request.headers.authorization);
    const caller = token ? await this.sessions.resolve(token) : null;
    if (caller) request.caller = caller;
    switch (rule) {
      case 'public':
        return true;
      case 'authenticated':
        if (!caller) throw new UnauthenticatedException();
        return true;
      case 'admin':
        if (!caller) throw new UnauthenticatedException();
        if (!caller.isAdmin) throw new NotFoundException();
        return true;
    }
  }
}
