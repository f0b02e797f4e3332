import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CertificateFieldsResponse } from '../certificates/certificate.response';

export const VERIFICATION_STATUSES = ['valid', 'revoked'] as const;

/** `GET /api/verify/{code}`: the certificate's state and every field printed on it; no email, ids or reason. */
export class VerificationResponse extends OmitType(CertificateFieldsResponse, ['code'] as const) {
  @ApiProperty({ enum: VERIFICATION_STATUSES }) status: (typeof VERIFICATION_STATUSES)[number];
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', description: 'The verification code, grouped in fours as printed.' }) code: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
}

/** The Open Badges 3.0 issuer Profile (`issuer.id` of every credential). */
export class IssuerProfileResponse {
  @ApiProperty({ name: '@context', type: [String] }) '@context': string[];
  @ApiProperty({ example: 'https://halaqa.example/api/issuer' }) id: string;
  @ApiProperty({ type: [String], example: ['Profile'] }) type: ['Profile'];
  @ApiProperty({ description: 'In the language of Accept-Language.' }) name: string;
  @ApiProperty() url: string;
}

class PublishedJwkResponse {
  @ApiProperty({ enum: ['OKP'] }) kty: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv: 'Ed25519';
  @ApiProperty({ description: 'The public key, base64url.' }) x: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint; the `kid` of the credentials signed with it.' }) kid: string;
  @ApiProperty({ enum: ['sig'] }) use: 'sig';
  @ApiProperty({ enum: ['EdDSA'] }) alg: 'EdDSA';
}

/** The keys credentials are signed with: the current one first, then those of earlier secrets. */
export class JwksResponse {
  @ApiProperty({ type: [PublishedJwkResponse] }) keys: PublishedJwkResponse[];
}
