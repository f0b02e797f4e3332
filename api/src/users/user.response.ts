import { ApiProperty } from '@nestjs/swagger';
import { COHORT_STAFF_ROLES, type CohortStaffRole } from '../cohorts/cohort-staff.entity';
import { LOCALES, type Locale } from '../common/localized-text';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organizations/organization-member.entity';
import type { User } from './user.entity';

export class MembershipResponse {
  @ApiProperty({ format: 'uuid', description: 'The organization.' }) id: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) role: OrganizationRole;
}

export class StaffRoleResponse {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: COHORT_STAFF_ROLES }) role: CohortStaffRole;
}

export class CircleRoleResponse {
  @ApiProperty({ format: 'uuid' }) circleId: string;
  @ApiProperty({ enum: ['coach', 'member'] }) role: 'coach' | 'member';
}

/** A user as the user themself (or an admin) sees them. Never carries the password hash. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'layla@example.org' }) email: string;
  @ApiProperty({ description: 'Name in Latin script; may be empty when nameArabic is not.', example: 'Layla Haddad' }) nameLatin: string;
  @ApiProperty({ description: 'Name in Arabic script; may be empty when nameLatin is not.', example: 'ليلى حداد' }) nameArabic: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: 'IANA time zone', example: 'Asia/Amman' }) timeZone: string;
  @ApiProperty() isAdmin: boolean;
  @ApiProperty({ type: [MembershipResponse] }) organizations: MembershipResponse[];
  @ApiProperty({ type: [StaffRoleResponse], description: 'Cohorts the user is lead trainer or coach of.' }) staffRoles: StaffRoleResponse[];
  @ApiProperty({ type: [CircleRoleResponse], description: 'Circles the user coaches or is a current member of.' }) circleRoles: CircleRoleResponse[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export function toUserResponse(
  user: User,
  memberships: { organizationId: string; role: OrganizationRole }[],
  staffRoles: { cohortId: string; role: CohortStaffRole }[] = [],
  circleRoles: { circleId: string; role: 'coach' | 'member' }[] = [],
): UserResponse {
  return {
    id: user.id,
    email: user.email,
    nameLatin: user.nameLatin,
    nameArabic: user.nameArabic,
    locale: user.locale,
    timeZone: user.timeZone,
    isAdmin: user.isAdmin,
    organizations: memberships.map((m) => ({ id: m.organizationId, role: m.role })),
    staffRoles: staffRoles.map((s) => ({ cohortId: s.cohortId, role: s.role })),
    circleRoles: circleRoles.map((c) => ({ circleId: c.circleId, role: c.role })),
    createdAt: user.createdAt.toISOString(),
  };
}

/** A session's token and its user: the answer to register, login and accepting an invitation. */
export class AuthResponse {
  @ApiProperty({ description: 'Opaque bearer token; send as `Authorization: Bearer <token>`.' }) token: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

/** The name a person is shown by (e.g. in an email greeting): the one in their locale's script if they have it. */
export function displayName(user: Pick<User, 'nameLatin' | 'nameArabic' | 'locale'>): string {
  return (user.locale === 'ar' ? user.nameArabic || user.nameLatin : user.nameLatin || user.nameArabic).trim();
}
