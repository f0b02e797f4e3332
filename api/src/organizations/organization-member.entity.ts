import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { Organization } from './organization.entity';

export const ORGANIZATION_ROLES = ['manager', 'staff'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

@Entity('organization_members')
@Index('organization_members_org_user_key', ['organizationId', 'userId'], { unique: true })
export class OrganizationMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn()
  organization: Relation<Organization>;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
