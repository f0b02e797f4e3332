import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { Omittable } from '../../common/text-rules';
import { EmailField } from '../../auth/dto/auth.dto';
import { NewPasswordField } from '../../auth/password-policy';
import type { Locale } from '../../common/localized-text';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../../organizations/organization-member.entity';
import { LocaleField, NameField, TimeZoneField } from '../../users/dto/profile-fields';

export class CreateInvitationDto {
  @EmailField() email: string;

  @LocaleField(false) locale?: Locale;

  @ApiPropertyOptional({ format: 'uuid', description: 'Invite into this organization (managers: only their own).' })
  @Omittable()
  @IsUUID('all')
  organizationId?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES, description: 'Role in the organization; default staff. Managers can invite staff only.' })
  @Omittable()
  @IsIn(ORGANIZATION_ROLES, { context: { values: ORGANIZATION_ROLES.join(', ') } })
  role?: OrganizationRole;
}

/**
 * Accepting an invitation. For a new account: the password to set and a name. When the email already has an
 * account, `password` must be that account's password (the names and settings are then left as they are).
 */
export class AcceptInvitationDto {
  @NewPasswordField() password: string;
  @NameField('Name in Latin script (new accounts: this or nameArabic is required)') nameLatin?: string;
  @NameField('Name in Arabic script (new accounts: this or nameLatin is required)') nameArabic?: string;
  @LocaleField(false) locale?: Locale;
  @TimeZoneField(false) timeZone?: string;
}

export class InvitationCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
}

export class InvitationOrganization {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name in the language of Accept-Language (fallback ar → en → fr).' }) name: string;
}

export class InvitationResponse {
  @ApiProperty() email: string;
  @ApiProperty({ type: InvitationOrganization, nullable: true }) organization: InvitationOrganization | null;
  @ApiProperty({ enum: ORGANIZATION_ROLES, nullable: true }) role: OrganizationRole | null;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'True when this email already has an account: accepting then asks for its password (no names).' })
  accountExists: boolean;
}
