import multipart from '@fastify/multipart';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { UNPREFIXED_ROUTES } from './common/unprefixed-routes';
import { createValidationPipe } from './common/validation';
import { loadConfig } from './config/config';
import { MAX_FILE_BYTES } from './files/file-types';

/** Bodies above this are refused with 413 before they are parsed. */
export const JSON_BODY_LIMIT = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Builds the HTTP application exactly as production runs it; tests boot the same thing (against their own
 * database) so what they prove holds for the real server.
 */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({ bodyLimit: JSON_BODY_LIMIT, trustProxy: config.TRUST_PROXY, routerOptions: { maxParamLength: 300 } });
  // JSON that is not valid UTF-8 is refused rather than silently patched with U+FFFD.
  adapter.getInstance().removeContentTypeParser('application/json');
  adapter.getInstance().addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(Object.assign(new Error('Invalid UTF-8'), { statusCode: 400, code: 'HALAQA_INVALID_UTF8' }), undefined);
      return;
    }
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('Invalid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }), undefined);
    }
  });
  // Uploads (submission files): multipart/form-data only, one file ≤ 10 MB, few fields; JSON parsing above is unchanged.
  // @fastify/multipart's types resolve another copy of fastify in this tree, so the linter cannot see its type.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-argument
  await adapter.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 } });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, bodyParser: false, logger: options.logger === false ? false : undefined });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  configureApp(app);
  return app;
}

export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: UNPREFIXED_ROUTES });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', raw: ['json'] });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Halaqa API')
    .setDescription('Learning circles, cohorts and certificates for civil-society training. Errors are application/problem+json (RFC 9457).')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}` });
}
