import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { VC_JWT_MEDIA_TYPE } from '@halaqa/certificates';
import { Access } from '../access/access.decorator';
import { CredentialSigner } from '../certificates/credential-signer';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { IssuerProfileResponse, JwksResponse, VerificationResponse } from './verification.response';
import { VerificationService } from './verification.service';
import { VerifyLimiter } from './verify-limiter';

@ApiProblems()
@ApiTags('verification')
@Controller('verify')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly limiter: VerifyLimiter,
  ) {}

  @Get(':code')
  @Access('public')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: VerificationResponse,
    description:
      'Anyone can check a code (with or without dashes, any case). Unknown: 404 `verify.unknown`; check symbols that do not match: 404 `verify.mistyped`; more than 30 a minute from one address: 429 `verify.rate_limited`.',
  })
  async verify(@Param('code') code: string, @Ctx() ctx: RequestContext): Promise<VerificationResponse> {
    await this.limiter.count(ctx.ip);
    return this.verification.verify(code);
  }

  @Get(':code/credential')
  @Access('public')
  @Header('Content-Type', VC_JWT_MEDIA_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces(VC_JWT_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The Open Badges 3.0 credential as a compact VC-JWT (EdDSA; keys at /.well-known/jwks.json). 404 as above; 409 `certificate.pdf_pending` until the worker has signed it; 410 `certificate.revoked` once revoked.',
    content: { [VC_JWT_MEDIA_TYPE]: { schema: { type: 'string' } } },
  })
  async credential(@Param('code') code: string, @Ctx() ctx: RequestContext): Promise<string> {
    await this.limiter.count(ctx.ip);
    return this.verification.credential(code);
  }
}

@ApiProblems()
@ApiTags('verification')
@Controller('issuer')
export class IssuerController {
  constructor(private readonly verification: VerificationService) {}

  @Get()
  @Access('public')
  @Header('Cache-Control', 'public, max-age=3600')
  @Header('Vary', 'Accept-Language')
  @ApiOkResponse({ type: IssuerProfileResponse, description: 'The Open Badges issuer Profile that credentials name as their issuer.' })
  get(@Ctx() ctx: RequestContext): IssuerProfileResponse {
    return this.verification.issuer(ctx.locale);
  }
}

/** Served at the api's root (UNPREFIXED_ROUTES), proxied by the web. */
@ApiProblems()
@ApiTags('verification')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly signer: CredentialSigner) {}

  @Get('jwks.json')
  @Access('public')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: JwksResponse, description: 'Public keys of the credentials: the current one, then those still trusted after a rotation.' })
  jwks(): JwksResponse {
    return this.signer.jwks();
  }
}
