import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { CertificateSettingsResponse } from '../completion/completion.response';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { BatchResponse, CertificateDetail, CertificateSummary, MyCertificate } from './certificate.response';
import { CertificatesService } from './certificates.service';
import { CertificateSettingsDto, RevokeCertificateDto } from './dto/certificate.dto';

const MANAGE = 'Lead trainers of the cohort and admins; others get 404.';
const READ = 'The holder, the cohort’s lead trainers and admins; others get 404.';

@ApiProblems()
@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Put('cohorts/:id/certificate-settings')
  @Access('authenticated')
  @ApiOkResponse({ type: CertificateSettingsResponse, description: `Second language, issuer name and signatories (≤ 3) printed on the cohort’s certificates from now on. Audited. ${MANAGE}` })
  settings(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: CertificateSettingsDto, @Ctx() ctx: RequestContext): Promise<CertificateSettingsResponse> {
    return this.certificates.updateSettings(caller, id, dto, ctx);
  }

  @Post('enrollments/:id/certificate')
  @Access('authenticated')
  @ApiCreatedResponse({ type: CertificateSummary, description: `Issued (201). Not eligible: 409 certificate.not_eligible naming the unmet rules; revoked: 409 certificate.revoked. ${MANAGE}` })
  @ApiOkResponse({ type: CertificateSummary, description: 'Re-issued (200): same code, next revision, printed fields refreshed; the worker replaces the PDF.' })
  async issue(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CertificateSummary> {
    const result = await this.certificates.issueOne(caller, id, ctx);
    reply.status(result.created ? 201 : 200);
    return result.certificate;
  }

  @Post('cohorts/:id/certificates')
  @HttpCode(202)
  @Access('authenticated')
  @ApiAcceptedResponse({ type: BatchResponse, description: `Issues to every eligible trainee without a certificate; the worker renders them (follow the batch). Nobody left: 409 certificate.none_eligible. ${MANAGE}` })
  issueAll(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<BatchResponse> {
    return this.certificates.issueBatch(caller, id, ctx);
  }

  @Get('certificate-batches/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: BatchResponse, description: `How far the worker is with a batch. ${MANAGE}` })
  batch(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<BatchResponse> {
    return this.certificates.batch(caller, id);
  }

  @Post('certificates/:id/revoke')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: CertificateSummary, description: `Revokes for good with a reason shown to the holder (emailed to them); twice: 409 certificate.already_revoked. Audited. ${MANAGE}` })
  revoke(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: RevokeCertificateDto, @Ctx() ctx: RequestContext): Promise<CertificateSummary> {
    return this.certificates.revoke(caller, id, dto.reason, ctx);
  }

  @Get('certificates/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: CertificateDetail, description: `The certificate with every printed field and the revocation reason. ${READ}` })
  detail(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<CertificateDetail> {
    return this.certificates.detail(caller, id);
  }

  @Get('certificates/:id/pdf')
  @Access('authenticated')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: `The PDF of the current revision as an attachment; not rendered yet: 409 certificate.pdf_pending. ${READ}` })
  async pdf(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.certificates.pdf(caller, id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.stream, { type: 'application/pdf', disposition: `attachment; filename="${file.filename}"` });
  }

  @Get('me/certificates')
  @Access('authenticated')
  @ApiOkResponse({ type: [MyCertificate], description: 'The caller’s certificates, newest first, with the revocation reason and a LinkedIn add-to-profile link for valid ones.' })
  mine(@CurrentCaller() caller: Caller, @Ctx() ctx: RequestContext): Promise<MyCertificate[]> {
    return this.certificates.mine(caller, ctx.locale);
  }
}
