import { AuditEvent } from '../audit/audit-event.entity';
import { PasswordReset } from '../auth/password-reset.entity';
import { RateLimitBucket } from '../auth/rate-limit-bucket.entity';
import { Session } from '../auth/session.entity';
import { Invitation } from '../invitations/invitation.entity';
import { OrganizationMember } from '../organizations/organization-member.entity';
import { Organization } from '../organizations/organization.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { User } from '../users/user.entity';

/** Every entity, listed once: the api, the worker and the schema-drift test use the same list. */
export const ENTITIES = [User, Session, PasswordReset, RateLimitBucket, Organization, OrganizationMember, Invitation, AuditEvent, OutboxMessage];
