import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { negotiateLocale } from '../i18n/i18n';
import type { Locale } from './localized-text';

/** Where a request came from, for audit rows, sessions and per-IP rate limits. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
  /** The language of Accept-Language (ar, en or fr). */
  locale: Locale;
}

export function requestContextOf(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip.slice(0, 64),
    userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null,
    locale: negotiateLocale(request.headers['accept-language']),
  };
}

export const Ctx = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestContext => requestContextOf(ctx.switchToHttp().getRequest<FastifyRequest>()));
