import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Locale } from '../common/localized-text';
import { Organization } from '../organizations/organization.entity';
import type { OrganizationRole } from '../organizations/organization-member.entity';
import { User } from '../users/user.entity';

/** An emailed, single-use, expiring invitation to join Halaqa (and optionally an organization). */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('invitations_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  organization: Relation<Organization> | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: OrganizationRole | null;

  @Column({ type: 'uuid' })
  invitedById: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  invitedBy: Relation<User>;

  @Column({ type: 'varchar', length: 2, default: 'ar' })
  locale: Locale;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
