import { ApiProperty } from '@nestjs/swagger';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { ORGANIZATION_ROLES, type OrganizationRole } from './organization-member.entity';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from './organization.entity';

export class LocalizedTextResponse {
  @ApiProperty({ required: false }) ar?: string;
  @ApiProperty({ required: false }) en?: string;
  @ApiProperty({ required: false }) fr?: string;
}

export class OrganizationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: LocalizedTextResponse }) name: LocalizedText;
  @ApiProperty({ description: 'Name in the language of Accept-Language, falling back ar → en → fr.' }) displayName: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'JO' }) country: string;
  @ApiProperty({ type: LocalizedTextResponse }) city: LocalizedText;
  @ApiProperty({ description: 'City in the language of Accept-Language, falling back ar → en → fr.' }) displayCity: string;
  @ApiProperty({ type: LocalizedTextResponse }) description: LocalizedText;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
}

export function toOrganizationResponse(org: Organization, locale: Locale): OrganizationResponse {
  return {
    id: org.id,
    name: org.name,
    displayName: resolveText(org.name, locale).text,
    kind: org.kind,
    country: org.country,
    city: org.city,
    displayCity: resolveText(org.city, locale).text,
    description: org.description,
    website: org.website,
  };
}

export class OrganizationPage {
  @ApiProperty({ type: [OrganizationResponse] }) items: OrganizationResponse[];
  @ApiProperty({ description: 'Matching organizations in all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MemberUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
}

export class MemberResponse {
  @ApiProperty({ type: MemberUserResponse }) user: MemberUserResponse;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) role: OrganizationRole;
  @ApiProperty({ type: String, format: 'date-time' }) joinedAt: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberResponse] }) items: MemberResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
