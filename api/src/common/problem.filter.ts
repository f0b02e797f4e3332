import { ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasTranslation, negotiateLocale, translate } from '../i18n/i18n';
import type { Locale } from './localized-text';
import { DomainException, type FieldError } from './domain.exception';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: { field: string; code: string; message: string }[];
}

/** Fastify's own errors (parsing, limits, routing) mapped to stable codes and catalog entries. */
const FASTIFY_ERRORS: Record<string, { code: string; key: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'request.invalid_json', key: 'errors.invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'request.invalid_json', key: 'errors.invalid_json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'request.too_large', key: 'errors.body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'request.unsupported_media_type', key: 'errors.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'request.bad_request', key: 'errors.bad_request' },
  HALAQA_INVALID_UTF8: { code: 'request.invalid_utf8', key: 'errors.invalid_utf8' },
};

const STATUS_DEFAULTS: Record<number, { code: string; key: string }> = {
  400: { code: 'request.bad_request', key: 'errors.bad_request' },
  401: { code: 'auth.unauthenticated', key: 'errors.unauthenticated' },
  403: { code: 'forbidden', key: 'errors.forbidden' },
  404: { code: 'not_found', key: 'errors.route_not_found' },
  405: { code: 'request.method_not_allowed', key: 'errors.method_not_allowed' },
  413: { code: 'request.too_large', key: 'errors.body_too_large' },
  415: { code: 'request.unsupported_media_type', key: 'errors.unsupported_media_type' },
  429: { code: 'rate_limited', key: 'errors.rate_limited' },
};

export function localizeFieldErrors(locale: Locale, errors: FieldError[]): ProblemBody['errors'] {
  return errors.map((e) => ({
    field: e.field,
    code: e.code,
    message: hasTranslation(`validation.${e.messageKey}`)
      ? translate(locale, `validation.${e.messageKey}`, e.params)
      : hasTranslation(e.messageKey)
        ? translate(locale, e.messageKey, e.params)
        : translate(locale, 'validation.invalid'),
  }));
}

/**
 * The one place errors become responses: RFC 9457 problem+json in the caller's language. Anything unexpected is
 * logged with its stack and answered as a plain 500 that reveals nothing.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = negotiateLocale(request.headers['accept-language']);
    const { body, headers } = this.toProblem(exception, locale);
    if (body.status >= 500) this.logger.error({ err: exception, reqId: request.id }, 'Unhandled error');
    void reply
      .status(body.status)
      .headers({ ...headers, 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale })
      .send(body);
  }

  toProblem(exception: unknown, locale: Locale): { body: ProblemBody; headers: Record<string, string> } {
    const make = (status: number, code: string, key: string, params: Record<string, string | number> = {}): ProblemBody => ({
      type: `https://halaqa.org/problems/${code}`,
      title: translate(locale, `${key}.title`, params),
      status,
      detail: translate(locale, `${key}.detail`, params),
      code,
    });

    if (exception instanceof DomainException) {
      const body = make(exception.status, exception.code, exception.messageKey, exception.params);
      if (exception.fieldErrors.length) body.errors = localizeFieldErrors(locale, exception.fieldErrors);
      return { body, headers: exception.headers };
    }

    const fastifyCode = (exception as { code?: unknown } | null)?.code;
    if (typeof fastifyCode === 'string' && FASTIFY_ERRORS[fastifyCode]) {
      const mapped = FASTIFY_ERRORS[fastifyCode];
      const status = (exception as { statusCode?: number }).statusCode ?? 400;
      return { body: make(status, mapped.code, mapped.key), headers: {} };
    }

    // Defence in depth: validation refuses NUL bytes and malformed values first, but text PostgreSQL cannot store
    // is the caller's mistake, never a 500.
    const sqlState = (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code;
    if (sqlState === '22021' || sqlState === '22P05') return { body: make(422, 'validation.failed', 'errors.validation'), headers: {} };
    if (sqlState === '22P02') return { body: make(404, 'not_found', 'errors.not_found'), headers: {} };

    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { statusCode?: unknown } | null)?.statusCode === 'number'
          ? (exception as { statusCode: number }).statusCode
          : 500;
    if (status < 500) {
      const mapped = STATUS_DEFAULTS[status] ?? STATUS_DEFAULTS[400];
      return { body: make(status, mapped.code, mapped.key), headers: {} };
    }
    return { body: make(500, 'internal', 'errors.internal'), headers: {} };
  }
}
