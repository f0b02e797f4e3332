import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SessionService } from '../auth/session.service';
import { DomainException } from '../common/domain.exception';
import { Access, type AccessRule, type Caller } from './access.decorator';
import { AccessGuard, bearerToken } from './access.guard';

const member: Caller = { userId: 'u1', sessionId: 's1', isAdmin: false, locale: 'ar' };
const admin: Caller = { ...member, isAdmin: true };

function contextFor(rule: AccessRule | undefined, authorization?: string): { context: ExecutionContext; request: { caller?: Caller } } {
  class Controller {
    handler(): void {}
  }
  if (rule) Access(rule)(Controller.prototype, 'handler', Object.getOwnPropertyDescriptor(Controller.prototype, 'handler') as PropertyDescriptor);
  const request = { method: 'GET', url: '/api/x', headers: { authorization } } as { caller?: Caller };
  const context = {
    getType: () => 'http',
    getHandler: () => Controller.prototype.handler,
    getClass: () => Controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function outcome(sut: AccessGuard, context: ExecutionContext): Promise<number | 'allowed'> {
  try {
    await sut.canActivate(context);
    return 'allowed';
  } catch (error) {
    if (error instanceof DomainException) return error.status;
    throw error;
  }
}

describe('AccessGuard', () => {
  let resolve: jest.Mock<Promise<Caller | null>, [string]>;
  let sut: AccessGuard;
  beforeEach(() => {
    resolve = jest.fn<Promise<Caller | null>, [string]>();
    sut = new AccessGuard(new Reflector(), { resolve } as unknown as SessionService);
  });

  it('refuses a handler without an @Access rule with 404 and logs the programming error', async () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(await outcome(sut, contextFor(undefined, 'Bearer x').context)).toBe(404);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('has no @Access rule'));
    expect(resolve).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('lets anyone through a public route, and still knows a signed-in caller', async () => {
    expect(await outcome(sut, contextFor('public').context)).toBe('allowed');
    resolve.mockResolvedValue(member);
    const { context, request } = contextFor('public', 'Bearer tok');
    expect(await outcome(sut, context)).toBe('allowed');
    expect(request.caller).toEqual(member);
  });

  it('answers 401 on authenticated routes without a live session', async () => {
    expect(await outcome(sut, contextFor('authenticated').context)).toBe(401);
    resolve.mockResolvedValue(null);
    expect(await outcome(sut, contextFor('authenticated', 'Bearer expired').context)).toBe(401);
    resolve.mockResolvedValue(member);
    expect(await outcome(sut, contextFor('authenticated', 'Bearer tok').context)).toBe('allowed');
  });

  it('answers 404 on admin routes to non-admins, 401 to nobody', async () => {
    expect(await outcome(sut, contextFor('admin').context)).toBe(401);
    resolve.mockResolvedValue(member);
    expect(await outcome(sut, contextFor('admin', 'Bearer tok').context)).toBe(404);
    resolve.mockResolvedValue(admin);
    expect(await outcome(sut, contextFor('admin', 'Bearer tok').context)).toBe('allowed');
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['  Bearer abc  ', 'abc'],
    ['Bearer', null],
    ['Bearer a b', null],
    ['Basic abc', null],
    [undefined, null],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
