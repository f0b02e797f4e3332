import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditRecord {
  /** Null when the system acted. */
  actorId: string | null;
  /** Dotted verb: `user.registered`, `organization.member.role_changed`, … */
  action: string;
  entityType: 'user' | 'organization' | 'organization_member' | 'invitation' | 'cohort' | 'cohort_staff' | 'seat_allocation' | 'cohort_invite_code' | 'enrollment' | 'learning_circle' | 'circle_session' | 'assignment' | 'submission' | 'review' | 'feedback_comment' | 'certificate';
  entityId: string;
  /** Before/after values or the names of changed fields; never a password, hash or token. */
  data?: Record<string, unknown>;
  ip?: string | null;
}

/** Writes audit rows in the caller's transaction, so the record exists exactly when the change does. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const event = manager.create(AuditEvent, {
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      data: record.data ?? {},
      ip: record.ip ?? null,
    });
    await manager.save(event);
  }
}
