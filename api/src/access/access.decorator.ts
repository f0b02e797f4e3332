import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * Every route declares who may call it; a route without a rule fails the access test (access.e2e-spec.ts).
 * - `public`: anyone.
 * - `authenticated`: any signed-in user; the service then scopes every query to the caller (404 outside scope).
 * - `admin`: platform admins only (others get 404, so the route cannot be probed).
 */
export type AccessRule = 'public' | 'authenticated' | 'admin';
export const ACCESS_RULE = 'halaqa:access';
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** The signed-in caller, as the access guard found it. */
export interface Caller {
  userId: string;
  sessionId: string;
  isAdmin: boolean;
  locale: 'ar' | 'en' | 'fr';
}

export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller | undefined => {
  const request = ctx.switchToHttp().getRequest<{ caller?: Caller }>();
  return request.caller;
});
