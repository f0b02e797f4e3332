import { Module } from '@nestjs/common';
import { CredentialSigner } from '../certificates/credential-signer';
import { IssuerController, JwksController, VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';
import { VerifyLimiter } from './verify-limiter';

/** Public verification of certificates: the verify API, the signed credential, the issuer Profile and its keys. */
@Module({
  controllers: [VerificationController, IssuerController, JwksController],
  providers: [VerificationService, VerifyLimiter, CredentialSigner],
})
export class VerificationModule {}
